import EnbekshiCore
import Foundation
import Synchronization

/// gov.kz as a publisher on a simulated clock, for the freshness benchmark: a few thousand bodies
/// publish releases at heavy-tailed rates (a few several times a day, most a few times a month),
/// mostly in office hours on weekdays, in Russian and usually Kazakh, sometimes English. A list
/// answer shows what is published by the simulated `now`; every release remembers when a list first
/// showed it, which is when a harvester could have had it.
public final class PublishingSimulation: FakeNewsContent {
    public struct Release: Sendable {
        public var id: Int
        public var project: String
        public var published: Date
        public var languages: [String]
    }

    public let start: Date
    public let end: Date
    /// Releases by publication time.
    public let releases: [Release]
    /// Per source, its publishing rate in releases per day (what the simulation drew).
    public let dailyRates: [String: Double]
    private let byProject: [String: [Int]]
    private let byLanguage: [String: [Int]]
    private let clock: @Sendable () -> Date
    private let firstServed: Mutex<[Int: Date]>
    public var wrappedProjects: Set<String> { [] }

    /// Kazakhstan wall time, as gov.kz writes `created_date` (API.md §4.4).
    static let offset: TimeInterval = 5 * 3600

    /// `clock` tells the simulated time (the harvester's clock, which its polling loop moves).
    public init(
        sources: [String], start: Date, duration: TimeInterval, seed: UInt64, medianPerDay: Double = 0.15, spread: Double = 1.3,
        clock: @escaping @Sendable () -> Date
    ) {
        self.start = start
        self.end = start.addingTimeInterval(duration)
        var random = SplitMix64(seed: seed)
        var rates: [String: Double] = [:]
        var releases: [Release] = []
        var nextID = 500_000
        for source in sources {
            // Log-normal rates: median `medianPerDay`, a long tail of busy bodies.
            let rate = medianPerDay * exp(spread * random.normal())
            rates[source] = rate
            // Poisson arrivals at the peak intensity, thinned by the hour of the week.
            let peak = rate * Self.peakFactor / 86_400
            var time = start.timeIntervalSince1970
            while true {
                time += -log(max(1e-12, random.unit())) / peak
                guard time < end.timeIntervalSince1970 else { break }
                guard random.unit() < Self.weight(at: time) / Self.peakFactor else { continue }
                var languages = ["ru"]
                if random.unit() < 0.85 { languages.append("kk") }
                if random.unit() < 0.08 { languages.append("en") }
                releases.append(Release(id: nextID, project: source, published: Date(timeIntervalSince1970: time), languages: languages))
                nextID += 1
            }
        }
        releases.sort { $0.published < $1.published }
        self.releases = releases
        self.dailyRates = rates
        var byProject: [String: [Int]] = [:], byLanguage: [String: [Int]] = [:]
        for (index, release) in releases.enumerated() {
            byProject[release.project, default: []].append(index)
            for language in release.languages { byLanguage[language, default: []].append(index) }
        }
        self.byProject = byProject
        self.byLanguage = byLanguage
        self.clock = clock
        self.firstServed = Mutex([:])
    }

    public var now: Date { clock() }

    /// Relative publishing intensity at a moment (mean 1 over a week): office hours on weekdays
    /// carry most releases.
    static func weight(at time: TimeInterval) -> Double {
        let local = time + offset
        let hour = Int(local.truncatingRemainder(dividingBy: 86_400) / 3600)
        let weekday = Int((local / 86_400).rounded(.down) + 4) % 7  // 1970-01-01 was a Thursday: 0 = Sunday
        let working = weekday >= 1 && weekday <= 5
        let office = hour >= 9 && hour < 18
        let raw = working ? (office ? 3.0 : 0.4) : (office ? 0.6 : 0.15)
        return raw / meanWeight
    }

    static let meanWeight: Double = {
        let working = 9 * 3.0 + 15 * 0.4, weekend = 9 * 0.6 + 15 * 0.15
        return (5 * working + 2 * weekend) / (7 * 24)
    }()
    static let peakFactor = 3.0 / meanWeight

    public func page(project: String?, language: String, page: Int, size: Int, firstPage: Int) -> [FakeCorpus.Item] {
        let now = self.now
        let indices = project.map { byProject[$0] ?? [] } ?? byLanguage[language] ?? []
        // Published by now, newest first, in this language.
        var visible = indices.prefix { releases[$0].published <= now }.reversed().lazy
            .filter { self.releases[$0].languages.contains(language) }.makeIterator()
        let skip = max(0, page - firstPage) * size
        var items: [FakeCorpus.Item] = []
        var position = 0
        while let index = visible.next(), items.count < size {
            defer { position += 1 }
            guard position >= skip else { continue }
            items.append(item(releases[index], language: language))
        }
        firstServed.withLock { served in
            for item in items { if let id = Int(item.id), served[id] == nil { served[id] = now } }
        }
        return items
    }

    public func item(id: String, language: String) -> FakeCorpus.Item? {
        guard let number = Int(id), let index = releases.firstIndex(where: { $0.id == number }),
            releases[index].published <= now, releases[index].languages.contains(language)
        else { return nil }
        return item(releases[index], language: language)
    }

    /// When a list first showed each release (by id).
    public var served: [Int: Date] { firstServed.withLock { $0 } }

    private func item(_ release: Release, language: String) -> FakeCorpus.Item {
        let local = Date(timeInterval: Self.offset, since: release.published)
        var created = local.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).dateSeparator(.dash))
        created = String(created.prefix(19)) + ".000Z"
        let (title, body) = Self.text(release, language: language)
        let object: [String: Any] = [
            "id": release.id, "title": title, "body": body, "created_date": created, "projects": release.project,
            "slug": "news-\(release.id)",
        ]
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return FakeCorpus.Item(id: String(release.id), createdDate: created, json: json)
    }

    static func text(_ release: Release, language: String) -> (String, String) {
        let n = release.id
        switch language {
        case "kk":
            return ("Мекеменің \(n) жиналысы өтті",
                    "<p>Бүгін мекемеде \(n) нөмірлі кезекті жиналыс өтті. Жиналыста өңірдің әлеуметтік-экономикалық дамуы, \(n % 97) жобаның барысы және тұрғындардың өтініштері қаралды.</p><p>Жиналыс қорытындысы бойынша тиісті тапсырмалар берілді.</p>")
        case "en":
            return ("Meeting \(n) held at the agency",
                    "<p>Today the agency held its regular meeting number \(n). Participants discussed the social and economic development of the region, the progress of \(n % 97) projects and residents' requests.</p><p>Instructions were given following the meeting.</p>")
        default:
            return ("Состоялось совещание \(n)",
                    "<p>Сегодня в ведомстве состоялось очередное совещание номер \(n). Участники обсудили социально-экономическое развитие региона, ход реализации \(n % 97) проектов и обращения жителей.</p><p>По итогам совещания даны поручения.</p>")
        }
    }
}
