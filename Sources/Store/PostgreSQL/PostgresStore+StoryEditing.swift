import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    @discardableResult public func mergeStories(_ articleID: Int64, into target: Int64) async throws -> Bool {
        let logger = logger
        return try await transaction { connection in
            guard let moving = try await Self.storyLeader(of: articleID, on: connection, logger: logger),
                let staying = try await Self.storyLeader(of: target, on: connection, logger: logger), moving != staying
            else { return false }
            try await Self.run("UPDATE articles SET story_id = \(staying) WHERE id = \(staying) AND story_id IS NULL", on: connection, logger: logger)
            try await Self.run(
                "UPDATE articles SET story_id = \(staying) WHERE story_id = \(moving) OR id = \(moving)", on: connection, logger: logger)
            let members = try await Self.rows("SELECT id FROM articles WHERE story_id = \(staying)", on: connection, logger: logger)
                .map { try $0["id"].decode(Int64.self) }
            try await Self.place(members, on: connection, logger: logger)
            // Copies once kept apart are together now: the newsroom changed its mind.
            try await Self.run(
                "DELETE FROM story_decisions WHERE kind = 'apart' AND article_id = ANY(\(members)) AND other_id = ANY(\(members))",
                on: connection, logger: logger)
            return true
        }
    }

    @discardableResult public func splitFromStory(_ articleID: Int64) async throws -> Bool {
        let logger = logger
        return try await transaction { connection in try await Self.split(articleID, on: connection, logger: logger) }
    }

    @discardableResult public func leadStory(_ articleID: Int64) async throws -> Bool {
        let logger = logger
        return try await transaction { connection in
            guard let row = try await Self.rows("SELECT story_id FROM articles WHERE id = \(articleID) FOR UPDATE", on: connection, logger: logger).first,
                let leader = try row["story_id"].decode(Int64?.self), leader != articleID
            else { return false }
            try await Self.run("UPDATE articles SET story_id = \(articleID) WHERE story_id = \(leader)", on: connection, logger: logger)
            let members = try await Self.rows("SELECT id FROM articles WHERE story_id = \(articleID)", on: connection, logger: logger)
                .map { try $0["id"].decode(Int64.self) }
            try await Self.place(members, on: connection, logger: logger)
            return true
        }
    }

    @discardableResult public func markApart(_ articleID: Int64, _ other: Int64) async throws -> Bool {
        let logger = logger
        return try await transaction { connection in
            guard articleID != other, let first = try await Self.storyLeader(of: articleID, on: connection, logger: logger),
                let second = try await Self.storyLeader(of: other, on: connection, logger: logger)
            else { return false }
            if first == second { _ = try await Self.split(other, on: connection, logger: logger) }
            try await Self.keepApart(articleID, [other], on: connection, logger: logger)
            return true
        }
    }

    public func storyDecisions(of articleIDs: [Int64]) async throws -> [Int64: StoryDecision] {
        guard !articleIDs.isEmpty else { return [:] }
        var decisions: [Int64: StoryDecision] = [:]
        for row in try await rows("SELECT article_id, other_id, kind FROM story_decisions WHERE article_id = ANY(\(articleIDs))") {
            let id = try row["article_id"].decode(Int64.self)
            if try row["kind"].decode(String.self) == "placed" {
                decisions[id, default: StoryDecision()].placed = true
            } else {
                decisions[id, default: StoryDecision()].apart.insert(try row["other_id"].decode(Int64.self))
            }
        }
        return decisions
    }

    static func storyLeader(of articleID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Int64? {
        try await rows("SELECT COALESCE(story_id, id) AS leader FROM articles WHERE id = \(articleID) FOR UPDATE", on: connection, logger: logger)
            .first.map { try $0["leader"].decode(Int64.self) }
    }

    static func place(_ articleIDs: [Int64], on connection: PostgresConnection, logger: Logger) async throws {
        try await run(
            """
            INSERT INTO story_decisions (article_id, other_id, kind) SELECT id, 0, 'placed' FROM unnest(\(articleIDs)::bigint[]) AS id
            ON CONFLICT DO NOTHING
            """, on: connection, logger: logger)
    }

    static func keepApart(_ articleID: Int64, _ others: [Int64], on connection: PostgresConnection, logger: Logger) async throws {
        try await run(
            """
            INSERT INTO story_decisions (article_id, other_id, kind)
            SELECT \(articleID), other, 'apart' FROM unnest(\(others)::bigint[]) AS other
            UNION ALL SELECT other, \(articleID), 'apart' FROM unnest(\(others)::bigint[]) AS other
            ON CONFLICT DO NOTHING
            """, on: connection, logger: logger)
    }

    static func split(_ articleID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        guard let row = try await rows("SELECT story_id FROM articles WHERE id = \(articleID) FOR UPDATE", on: connection, logger: logger).first,
            let story = try row["story_id"].decode(Int64?.self)
        else { return false }
        let others = try await rows(
            """
            SELECT id FROM articles WHERE story_id = \(story) AND id <> \(articleID)
            ORDER BY id IN (SELECT article_id FROM hidden_articles), id
            """, on: connection, logger: logger
        ).map { try $0["id"].decode(Int64.self) }
        guard let next = others.first else {
            try await run("UPDATE articles SET story_id = NULL WHERE id = \(articleID)", on: connection, logger: logger)
            return false
        }
        var leader = story
        if story == articleID {
            try await run("UPDATE articles SET story_id = \(next) WHERE story_id = \(articleID)", on: connection, logger: logger)
            leader = next
        }
        try await run("UPDATE articles SET story_id = NULL WHERE id = \(articleID)", on: connection, logger: logger)
        if others.count == 1 { try await run("UPDATE articles SET story_id = NULL WHERE id = \(leader)", on: connection, logger: logger) }
        try await run("DELETE FROM story_decisions WHERE article_id = \(articleID) AND kind = 'placed'", on: connection, logger: logger)
        try await keepApart(articleID, others, on: connection, logger: logger)
        return true
    }
}
