import EnbekshiCore
import Enrich
import Foundation
import Store

/// One thing waiting for a person.
struct QueueItem: Sendable {
    var kind: QueueKind
    /// The article it is about; nil for a source.
    var articleID: Int64?
    /// The edition, for what concerns one version.
    var language: Language?
    var title: String
    var source: String
    var region: String?
    var published: GovKzDate?
    /// What to look at, one line each.
    var checks: [String]
    /// A near-duplicate's other article.
    var other: (id: Int64, title: String, source: String)?
}

/// What the review queue shows: the newest items of every kind narrowed by the filter, with the
/// count of each kind under the same filter.
struct QueueModel: Sendable {
    var items: [QueueItem]
    var counts: [QueueKind: Int]
    var filter: QueueFilter
    var total: Int
    /// At most this many of each kind are read: the counts say "at least" beyond it.
    var scan: Int

    /// A related pair this alike, which the story linker still kept apart, is worth a person's
    /// look: releases on one subject share 23–48% of their word stems (`StoryMatcher`), the
    /// same release told again far more.
    static let nearDuplicateScore = 0.5

    static func load(store: any NewsStore, filter: QueueFilter, scan: Int = 500, now: Date = Date()) async throws -> QueueModel {
        var items: [QueueItem] = []
        for stored in try await store.flaggedVersions(limit: scan) {
            for kind in Set(stored.version.flags.map(\.kind)).sorted(by: { $0.rawValue < $1.rawValue }) {
                items.append(versionItem(stored, kind: .flag(kind), checks: stored.version.flags.filter { $0.kind == kind }.map { String($0.detail.prefix(200)) }))
            }
        }
        for kind in VersionReview.allCases {
            for stored in try await store.versionsToReview(kind, limit: scan) {
                let check =
                    switch kind {
                    case .brief: "gov.kz published a headline with no text: hide it, or keep it as a brief"
                    case .changedAtSource: "gov.kz changed the text after it was published here: compare it with the history"
                    }
                items.append(versionItem(stored, kind: .version(kind), checks: [check]))
            }
        }
        let uncertain = try await store.uncertainTopics(sectionMargin: TopicReview.sectionMargin, regionMargin: TopicReview.regionMargin, limit: scan)
        let pairs = try await store.nearDuplicates(minimumScore: nearDuplicateScore, limit: scan)
        // One read of every article the items name: the uncertain and paired ones are shown from it,
        // the versions' articles give their region (for the filter and the rows).
        let versionArticles = items.compactMap(\.articleID)
        let articles = try await store.articles(ids: Array(Set(uncertain + pairs.flatMap { [$0.articleID, $0.otherID] } + versionArticles)))
        for index in items.indices {
            if let id = items[index].articleID { items[index].region = articles[id]?.topics?.region }
        }
        for id in uncertain {
            guard let article = articles[id], let topics = article.topics else { continue }
            var checks: [String] = []
            if topics.sectionMargin < TopicReview.sectionMargin {
                checks.append("section \(topics.section.rawValue), margin \(format(topics.sectionMargin)): \(topics.sectionReason.prefix(200))")
            }
            if topics.regionMargin < TopicReview.regionMargin {
                checks.append("region \(topics.region), margin \(format(topics.regionMargin)): \(topics.regionReason.prefix(200))")
            }
            items.append(articleItem(article, kind: .uncertainTopics, checks: checks))
        }
        for pair in pairs {
            guard let article = articles[pair.articleID], let other = articles[pair.otherID] else { continue }
            var item = articleItem(article, kind: .nearDuplicate, checks: ["\(Int(pair.score * 100))% of word stems in common, yet in different stories"])
            item.other = (other.id, headline(other), other.key.project)
            items.append(item)
        }
        for source in try await store.sourcesToReview(limit: scan) {
            let unnamed = source.names.values.allSatisfy(\.isEmpty)
            items.append(QueueItem(
                kind: .newSource, articleID: nil, language: nil, title: source.displayName(in: .en), source: source.slug, region: source.region,
                published: nil,
                checks: [unnamed ? "no name in any language: readers see its slug" : "new to the newsroom: check its names, kind and region"]))
        }


        let since = filter.days.map { GovKzDate.localNow(now.addingTimeInterval(-Double($0) * 86_400)) }
        let narrowed = items.filter { item in
            (filter.language.map { item.language == nil || item.language == $0 } ?? true)
                && filter.matchesSource(item.source)
                && (filter.region.map { item.region == $0 } ?? true)
                && (since.map { since in item.published.map { $0.local >= since } ?? (item.kind == .newSource) } ?? true)
        }
        var counts: [QueueKind: Int] = [:]
        for item in narrowed { counts[item.kind, default: 0] += 1 }
        let shown = narrowed.filter { item in filter.kind.map { $0 == item.kind } ?? true }
            .sorted { ($0.published?.local ?? "", $0.articleID ?? 0) > ($1.published?.local ?? "", $1.articleID ?? 0) }
        return QueueModel(items: Array(shown.prefix(200)), counts: counts, filter: filter, total: narrowed.count, scan: scan)
    }

    static func versionItem(_ stored: StoredVersion, kind: QueueKind, checks: [String]) -> QueueItem {
        QueueItem(
            kind: kind, articleID: stored.articleID, language: stored.version.language,
            title: stored.version.title.isEmpty ? "(no headline)" : stored.version.title, source: stored.key.project, region: nil,
            published: stored.version.published, checks: checks)
    }

    static func articleItem(_ article: Article, kind: QueueKind, checks: [String]) -> QueueItem {
        QueueItem(
            kind: kind, articleID: article.id, language: nil, title: headline(article), source: article.key.project,
            region: article.topics?.region, published: article.published, checks: checks)
    }

    static func headline(_ article: Article) -> String {
        Language.allCases.lazy.compactMap { article.versions[$0]?.title }.first { !$0.isEmpty } ?? "(no headline)"
    }

    static func format(_ margin: Double) -> String { String(format: "%.2f", margin) }
}
