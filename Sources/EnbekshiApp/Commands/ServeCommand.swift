import Admin
import ArgumentParser
import AsyncHTTPClient
import Enrich
import EnbekshiCore
import Foundation
import Harvest
import Hummingbird
import Logging
import Publish
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the news site, harvesting gov.kz in the background.",
        discussion: """
            Creates and migrates the database if needed (with --no-migrate, refuses an old schema instead). With --demo, first loads the bundled sample \
            corpus so the site shows news with no network; a demo harvests nothing unless --govkz-base-url \
            (or ENBEKSHI_GOVKZ_BASE_URL) names a gov.kz to read. Ctrl-C (SIGINT) or SIGTERM stops cleanly.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var govkz: GovKzOptions
    @OptionGroup var engines: TranslatorOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var newsroom: NewsroomOptions

    @Option(name: .long, help: "Address to listen on (env ENBEKSHI_HOSTNAME; default 127.0.0.1).")
    var hostname: String?

    @Option(name: .long, help: "Port to listen on (env ENBEKSHI_PORT; default 8080).")
    var port: Int?

    @Flag(name: .long, help: "Load the bundled sample corpus before serving.")
    var demo = false

    @Flag(name: .long, help: "Refuse to start on a database whose schema is older than this binary, instead of migrating it (run `enbekshi migrate` once when several nodes share a database).")
    var noMigrate = false

    @Flag(name: .long, help: "Do not harvest in the background; only serve what is stored.")
    var noHarvest = false

    @Option(name: .long, help: "Hours a quiet source may go unread (default 24); busy sources are read far more often.")
    var harvestMaxInterval: Double = 24

    @Option(name: .long, help: "Megabytes of rendered pages kept in memory (default 64; 0 renders every request).")
    var pageCacheMb = 64

    @Flag(name: .long, help: "Do not read gov.kz's all-sources listing; poll each source only.")
    var noAllSources = false

    @Option(name: .long, help: "The site's address as readers reach it, for absolute links in feeds (env ENBEKSHI_PUBLIC_URL; default http://HOSTNAME:PORT).")
    var publicURL: String?

    @Option(name: .long, help: "Edition for / when the browser asks for none of kk, ru, en (env ENBEKSHI_DEFAULT_LANGUAGE; default en).")
    var defaultLanguage: String?

    @Option(name: .long, help: "Seconds a new connection has to send a complete request head (default 10).")
    var headerTimeout: Double = 10

    @Option(name: .long, help: "Seconds an idle kept-alive connection stays open between requests (default 60).")
    var idleTimeout: Double = 60

    @Option(name: .long, help: "Open connections at most; past it the longest idle one is closed (default 10000, within the open-file limit).")
    var maxConnections = 10_000

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
        guard headerTimeout > 0, idleTimeout > 0 else { throw ValidationError("--header-timeout and --idle-timeout must be positive") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard pageCacheMb >= 0 else { throw ValidationError("--page-cache-mb must be 0 or more") }
        guard harvestMaxInterval > 0 else { throw ValidationError("--harvest-max-interval must be positive") }
    }

    /// Whether this run harvests in the background. A demo is for trying the site offline: it
    /// reaches for gov.kz only when told where it is.
    func harvests(environment: [String: String]) -> Bool {
        !noHarvest && (!demo || govkz.hasExplicitBaseURL(environment: environment))
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let environment = ProcessInfo.processInfo.environment
        let host = hostname ?? environment["ENBEKSHI_HOSTNAME"] ?? "127.0.0.1"
        let port = port ?? environment["ENBEKSHI_PORT"].flatMap(Int.init) ?? 8080
        let govkzConfiguration = try govkz.configuration()
        let store = try await store.open(logger: logger, migrating: !noMigrate)
        let ingestor = NewsIngestor(store: store, publicBaseURL: govkzConfiguration.publicBaseURL, logger: logger)
        try await ingestor.finishStoryLinks()
        if demo {
            let (files, inserted) = try await DemoCorpus.load(into: ingestor)
            logger.info("demo corpus loaded", metadata: ["files": "\(files)", "new_versions": "\(inserted)"])
        }

        let edition = (defaultLanguage ?? environment["ENBEKSHI_DEFAULT_LANGUAGE"]).flatMap(Language.init) ?? .en
        let publicURL = self.publicURL ?? environment["ENBEKSHI_PUBLIC_URL"] ?? "http://\(host):\(port)"
        let site = Site(store: store, defaultLanguage: edition, publicURL: publicURL, pageCacheBytes: pageCacheMb << 20)
        var limits = ConnectionLimits()
        limits.headerTimeout = .milliseconds(Int64(headerTimeout * 1000))
        limits.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        // Each connection is a file descriptor: the cap stays below what the process may open, with
        // room for the database, the harvester and the translation engines.
        let files = OpenFileLimit.raise()
        limits.maximumConnections = max(1, min(maxConnections, files - 256))
        if limits.maximumConnections < maxConnections {
            logger.warning(
                "connection cap lowered to fit the open-file limit",
                metadata: ["max_connections": "\(limits.maximumConnections)", "open_files": "\(files)"])
        }
        let idle = Duration.seconds(newsroom.sessionIdleMinutes * 60)
        let room = try await Newsroom(
            store: store,
            configuration: .init(idleTimeout: idle, secureCookies: publicURL.lowercased().hasPrefix("https://"), hasher: try newsroom.hasher()),
            logger: logger, contentChanged: site.contentChanged)
        let ended = try await store.endSessions(lastSeenBefore: Date().addingTimeInterval(-Double(newsroom.sessionIdleMinutes * 60)))
        if ended > 0 { logger.info("newsroom: idle sessions ended", metadata: ["sessions": "\(ended)"]) }
        let app = site.application(hostname: host, port: port, limits: limits, logger: logger, room: room.router().buildResponder())
        var services: [any Service] = [StoreService(store: store), app, NewsroomScheduler(publisher: room.publisher)]
        let client = HTTPGovKzClient(configuration: govkzConfiguration, logger: logger)
        let harvesting = harvests(environment: environment)
        if !harvesting, demo, !noHarvest {
            logger.info("demo: not harvesting (give --govkz-base-url to harvest as well)")
        }
        if harvesting {
            let harvester = Harvester(
                client: client, ingestor: ingestor, options: .init(configuration: govkzConfiguration), logger: logger)
            var settings = PollingHarvester.Settings()
            // Polls share the client's request budget with paging and detail calls.
            settings.peakRequestsPerSecond = govkzConfiguration.requestsPerSecond
            settings.schedule.requestsPerSecond = govkzConfiguration.requestsPerSecond * 0.75
            settings.schedule.maximumInterval = harvestMaxInterval * 3600
            settings.allSourcesInterval = noAllSources ? nil : 30
            services.append(
                HarvestService(
                    polling: PollingHarvester(harvester: harvester, settings: settings, logger: logger),
                    baseURL: govkzConfiguration.baseURL, logger: logger))
        }
        let translationClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let translators = try engines.translators(client: translationClient)
        if !translators.isEmpty {
            let worker = TranslationWorker(
                store: store, translators: translators, requestsPerSecond: engines.rate, logger: logger)
            services.append(TranslationService(worker: worker, interval: .seconds(60), logger: logger))
        }
        logger.info(
            "serving",
            metadata: [
                "url": "http://\(host):\(port)/", "database": "\(self.store.shown)",
                "harvest": "\(harvesting ? govkzConfiguration.baseURL : "off")",
                "translation": "\(translators.isEmpty ? "off" : translators.map(\.engine).joined(separator: ", "))",
            ])
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await client.shutdown()
            try? await translationClient.shutdown()
            throw error
        }
        await client.shutdown()
        try? await translationClient.shutdown()
        logger.info("stopped cleanly")
    }
}
