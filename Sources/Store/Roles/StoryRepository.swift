import EnbekshiCore

/// Stories (one release published by several bodies) and related articles.
public protocol StoryRepository: Sendable {
    /// Fingerprints of the articles in one language published between two days (inclusive), any
    /// span, oldest day first.
    func fingerprints(language: Language, fromDay: Day, toDay: Day) async throws -> [StoredFingerprint]
    /// The story each article belongs to (its own id when it has none).
    func storyLeaders(of articleIDs: [Int64]) async throws -> [Int64: Int64]
    /// Stores fingerprints with the story each joins and the articles each relates to, in order and
    /// in one transaction; each text so placed is no longer owed its links.
    func saveStoryLinks(_ links: [StoryLinks]) async throws
    /// Texts saved by `saveBatch` whose story links were never written (the process was stopped
    /// between the two transactions), oldest first.
    func pendingStoryTexts(limit: Int) async throws -> [PendingStoryText]
    /// Puts `articleID` into the story of `other` (which becomes its leader if it had no story).
    func joinStory(articleID: Int64, with other: Int64) async throws
    /// The articles of a story, leader first.
    func storyMembers(storyID: Int64) async throws -> [(id: Int64, key: ArticleKey)]
    /// Publishing bodies of each story, in the order their copies were stored.
    func storyPublishers(storyIDs: [Int64]) async throws -> [Int64: [String]]
    /// Links two articles of different stories on one subject, both ways, with their similarity.
    func relate(_ articleID: Int64, to others: [(id: Int64, score: Double)]) async throws
    /// Articles related to this one (not of its story), most similar first.
    func relatedArticles(to articleID: Int64, limit: Int) async throws -> [Int64]
}
