import Foundation
import GRDB

extension SQLiteStore {
    @discardableResult public func mergeStories(_ articleID: Int64, into target: Int64) async throws -> Bool {
        try await write { db in
            guard let moving = try Self.storyLeader(of: articleID, db), let staying = try Self.storyLeader(of: target, db), moving != staying
            else { return false }
            try db.execute(sql: "UPDATE articles SET story_id = ? WHERE id = ? AND story_id IS NULL", arguments: [staying, staying])
            try db.execute(sql: "UPDATE articles SET story_id = ? WHERE story_id = ? OR id = ?", arguments: [staying, moving, moving])
            let members = try Int64.fetchAll(db, sql: "SELECT id FROM articles WHERE story_id = ?", arguments: [staying])
            try Self.place(members, db)
            // Copies once kept apart are together now: the newsroom changed its mind.
            let list = members.map(String.init).joined(separator: ",")
            try db.execute(sql: "DELETE FROM story_decisions WHERE kind = 'apart' AND article_id IN (\(list)) AND other_id IN (\(list))")
            return true
        }
    }

    @discardableResult public func splitFromStory(_ articleID: Int64) async throws -> Bool {
        try await write { db in try Self.split(articleID, db) }
    }

    @discardableResult public func leadStory(_ articleID: Int64) async throws -> Bool {
        try await write { db in
            guard let leader = try Self.storyLeader(of: articleID, db), leader != articleID,
                try Int64.fetchOne(db, sql: "SELECT story_id FROM articles WHERE id = ?", arguments: [articleID]) != nil
            else { return false }
            try db.execute(sql: "UPDATE articles SET story_id = ? WHERE story_id = ?", arguments: [articleID, leader])
            try Self.place(try Int64.fetchAll(db, sql: "SELECT id FROM articles WHERE story_id = ?", arguments: [articleID]), db)
            return true
        }
    }

    @discardableResult public func markApart(_ articleID: Int64, _ other: Int64) async throws -> Bool {
        try await write { db in
            guard articleID != other, let first = try Self.storyLeader(of: articleID, db), let second = try Self.storyLeader(of: other, db)
            else { return false }
            if first == second { _ = try Self.split(other, db) }
            try Self.keepApart(articleID, [other], db)
            return true
        }
    }

    public func storyDecisions(of articleIDs: [Int64]) async throws -> [Int64: StoryDecision] {
        guard !articleIDs.isEmpty else { return [:] }
        return try await database.read { db in
            var decisions: [Int64: StoryDecision] = [:]
            for chunk in articleIDs.chunks(of: 500) {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT article_id, other_id, kind FROM story_decisions WHERE article_id IN (\(databaseQuestionMarks(count: chunk.count)))",
                    arguments: StatementArguments(chunk))
                for row in rows {
                    let id: Int64 = row["article_id"]
                    if row["kind"] as String == "placed" { decisions[id, default: StoryDecision()].placed = true }
                    else { decisions[id, default: StoryDecision()].apart.insert(row["other_id"]) }
                }
            }
            return decisions
        }
    }

    /// The lead of the article's story (itself when it has none); nil when there is no such article.
    static func storyLeader(of articleID: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(story_id, id) FROM articles WHERE id = ?", arguments: [articleID])
    }

    static func place(_ articleIDs: [Int64], _ db: Database) throws {
        for id in articleIDs {
            try db.execute(sql: "INSERT OR IGNORE INTO story_decisions (article_id, other_id, kind) VALUES (?, 0, 'placed')", arguments: [id])
        }
    }

    static func split(_ articleID: Int64, _ db: Database) throws -> Bool {
        guard let story = try Int64.fetchOne(db, sql: "SELECT story_id FROM articles WHERE id = ?", arguments: [articleID]) else { return false }
        let others = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM articles WHERE story_id = ? AND id <> ?
                ORDER BY id IN (SELECT article_id FROM hidden_articles), id
                """,
            arguments: [story, articleID])
        guard let next = others.first else {
            try db.execute(sql: "UPDATE articles SET story_id = NULL WHERE id = ?", arguments: [articleID])
            return false
        }
        var leader = story
        if story == articleID {
            try db.execute(sql: "UPDATE articles SET story_id = ? WHERE story_id = ?", arguments: [next, articleID])
            leader = next
        }
        try db.execute(sql: "UPDATE articles SET story_id = NULL WHERE id = ?", arguments: [articleID])
        if others.count == 1 { try db.execute(sql: "UPDATE articles SET story_id = NULL WHERE id = ?", arguments: [leader]) }
        try db.execute(sql: "DELETE FROM story_decisions WHERE article_id = ? AND kind = 'placed'", arguments: [articleID])
        try keepApart(articleID, others, db)
        return true
    }

    /// Records, both ways, that an article is never the same story as any of `others`.
    static func keepApart(_ articleID: Int64, _ others: [Int64], _ db: Database) throws {
        for other in others {
            for (one, two) in [(articleID, other), (other, articleID)] {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO story_decisions (article_id, other_id, kind) VALUES (?, ?, 'apart')", arguments: [one, two])
            }
        }
    }
}
