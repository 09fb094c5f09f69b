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

            With --role, processes split the work: web nodes serve, workers harvest and translate. Workers \
            share the feeds through leases in the database and one request budget toward gov.kz; web nodes \
            follow every change within a second. A worker answers only /livez, /readyz and /healthz.
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

    enum Role: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// Pages, the API and the editors' room.
        case web
        /// Harvesting, translation and the once-only duties.
        case worker
        case all

        var serves: Bool { self != .worker }
        var works: Bool { self != .web }
    }

    @Option(name: .long, help: "What this process does: web (pages, API, editors' room), worker (harvest, translation), or all (default; env ENBEKSHI_ROLE). Several web nodes and workers may share one PostgreSQL database.")
    var role: Role?

    @Flag(name: .long, help: "Refuse to start on a database whose schema is older than this binary, instead of migrating it (run `enbekshi migrate` once when several nodes share a database).")
    var noMigrate = false

    @Flag(name: .long, help: "Do not harvest in the background; only serve what is stored.")
    var noHarvest = false

    @Option(name: .long, help: "Hours a quiet source may go unread (default 24); busy sources are read far more often.")
    var harvestMaxInterval: Double = 24

    @Option(name: .long, help: "Seconds between two polls of one feed at the most (default 60).")
    var harvestMinInterval: Double = 60

    @Option(name: .long, help: "Addresses and networks allowed to read /metrics, comma-separated (env ENBEKSHI_METRICS_ALLOW; default 127.0.0.0/8,::1).")
    var metricsAllow: String?

    @Option(name: .long, help: "Seconds a worker holds a feed without renewing it (default 60); a worker that dies frees its feeds after this, its translation jobs after ten times this.")
    var leaseSeconds: Double = 60

    @Option(name: .long, help: "Seconds between two passes over the translation queue (default 60).")
    var translateInterval: Double = 60

    @Option(name: .long, help: "Megabytes of rendered pages kept in memory (default 64; 0 renders every request).")
    var pageCacheMb = 64

    @Option(name: .long, help: "Megabytes of pictures' sizes kept in memory for /media (default 32; 0 reads each from the database).")
    var pictureCacheMb = 32

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
        guard pageCacheMb >= 0, pictureCacheMb >= 0 else { throw ValidationError("--page-cache-mb and --picture-cache-mb must be 0 or more") }
        guard harvestMaxInterval > 0 else { throw ValidationError("--harvest-max-interval must be positive") }
        guard harvestMinInterval > 0, harvestMinInterval <= harvestMaxInterval * 3600 else {
            throw ValidationError("--harvest-min-interval must be positive and below --harvest-max-interval")
        }
        guard translateInterval > 0 else { throw ValidationError("--translate-interval must be positive") }
        guard leaseSeconds >= 1 else { throw ValidationError("--lease-seconds must be at least 1") }
    }

    /// Whether this run harvests in the background. A demo is for trying the site offline: it
    /// reaches for gov.kz only when told where it is.
    func harvests(environment: [String: String]) -> Bool {
        !noHarvest && (!demo || govkz.hasExplicitBaseURL(environment: environment))
    }

    func run() async throws {
        let logger = logging.bootstrap()
        Vitals.start()
        let environment = ProcessInfo.processInfo.environment
        let metricsAllowed = try (metricsAllow ?? environment["ENBEKSHI_METRICS_ALLOW"]).map { try AllowedNetworks(parsing: $0) } ?? .loopback
        let role = try self.role ?? environment["ENBEKSHI_ROLE"].map { name in
            guard let role = Role(rawValue: name) else { throw ValidationError("ENBEKSHI_ROLE must be web, worker or all") }
            return role
        } ?? .all
        let host = hostname ?? environment["ENBEKSHI_HOSTNAME"] ?? "127.0.0.1"
        let port = port ?? environment["ENBEKSHI_PORT"].flatMap(Int.init) ?? 8080
        let govkzConfiguration = try govkz.configuration()
        let store = try await store.open(logger: logger, migrating: !noMigrate)
        let ingestor = NewsIngestor(store: store, publicBaseURL: govkzConfiguration.publicBaseURL, logger: logger)
        if role.works { try await ingestor.finishStoryLinks() }
        if demo {
            let (files, inserted) = try await DemoCorpus.load(into: ingestor)
            let translations = try await DemoCorpus.loadTranslations(into: store, logger: logger)
            let pictures = try await DemoCorpus.loadPictures(into: store)
            logger.info(
                "demo corpus loaded",
                metadata: ["files": "\(files)", "new_versions": "\(inserted)", "translations": "\(translations)", "pictures": "\(pictures)"])
        }

        let edition = (defaultLanguage ?? environment["ENBEKSHI_DEFAULT_LANGUAGE"]).flatMap(Language.init) ?? .en
        let publicURL = self.publicURL ?? environment["ENBEKSHI_PUBLIC_URL"] ?? "http://\(host):\(port)"
        let site = Site(
            store: store, defaultLanguage: edition, publicURL: publicURL, pageCacheBytes: pageCacheMb << 20,
            pictureCacheBytes: pictureCacheMb << 20, metricsAllowed: metricsAllowed)
        let idle = Duration.seconds(newsroom.sessionIdleMinutes * 60)
        let room = try await Newsroom(
            store: store,
            configuration: .init(idleTimeout: idle, secureCookies: publicURL.lowercased().hasPrefix("https://"), hasher: try newsroom.hasher()),
            logger: logger, contentChanged: site.contentChanged)
        var services: [any Service] = [StoreService(store: store)]
        if role.serves {
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
            services.append(site.application(hostname: host, port: port, limits: limits, logger: logger, room: room.router().buildResponder()))
            if let listener = site.changeListener(logger: logger) { services.append(listener) }
            services.append(site.viewFlusher(logger: logger))
        } else {
            services.append(HealthRoutes.workerApplication(store: store, hostname: host, port: port, metricsAllowed: metricsAllowed, logger: logger))
        }
        let budget = SharedRequestBudget(leases: store, requestsPerSecond: govkzConfiguration.requestsPerSecond)
        // Beside other processes, feeds are leased and requests drawn from the deployment's budget.
        let shared = role != .all || store.announcesChanges
        let client = HTTPGovKzClient(configuration: govkzConfiguration, shared: shared ? budget : nil, logger: logger)
        let harvesting = role.works && harvests(environment: environment)
        if role.works, !harvesting, demo, !noHarvest {
            logger.info("demo: not harvesting (give --govkz-base-url to harvest as well)")
        }
        let harvester = Harvester(client: client, ingestor: ingestor, options: .init(configuration: govkzConfiguration), logger: logger)
        var polling = PollingHarvester.Settings()
        // Polls share the client's request budget with paging and detail calls.
        polling.peakRequestsPerSecond = govkzConfiguration.requestsPerSecond
        polling.schedule.requestsPerSecond = govkzConfiguration.requestsPerSecond * 0.75
        polling.schedule.maximumInterval = harvestMaxInterval * 3600
        polling.schedule.minimumInterval = harvestMinInterval
        polling.allSourcesInterval = noAllSources || shared ? nil : 30
        var leased = LeasedHarvester.Settings()
        leased.schedule = polling.schedule
        leased.leaseDuration = leaseSeconds
        let leasedHarvester = LeasedHarvester(harvester: harvester, leases: store, settings: leased, logger: logger)
        if harvesting {
            services.append(
                HarvestService(
                    loop: shared ? .shared(leasedHarvester) : .alone(PollingHarvester(harvester: harvester, settings: polling, logger: logger)),
                    baseURL: govkzConfiguration.baseURL, logger: logger))
            // Pictures after the news: at most one a second, from the same request budget.
            services.append(PictureService(fetcher: PictureFetcher(store: store, client: client, logger: logger)))
        }
        let translationClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let translators = role.works ? try engines.translators(client: translationClient) : []
        if !translators.isEmpty {
            let worker = TranslationWorker(
                store: store, translators: translators, requestsPerSecond: engines.rate, leaseDuration: leaseSeconds * 10, logger: logger)
            services.append(TranslationService(worker: worker, interval: .milliseconds(Int64(translateInterval * 1000)), logger: logger))
        }
        if role.works {
            var duties = [
                Leadership.Duty(name: "newsroom publishing", interval: 30) { _ in
                    let published = await room.publisher.publishDue()
                    if published > 0 { logger.info("newsroom: scheduled articles published", metadata: ["count": "\(published)"]) }
                },
                Leadership.Duty(name: "queue figures", interval: 300) { _ in
                    do {
                        try await store.recordQueueSample(QueueSampler.sample(store: store))
                    } catch {
                        logger.warning("could not sample the queues for the operator's view", metadata: ["error": "\(error)"])
                    }
                },
                Leadership.Duty(name: "session expiry", interval: 3600) { _ in
                    let before = Date().addingTimeInterval(-Double(newsroom.sessionIdleMinutes * 60))
                    do {
                        let ended = try await store.endSessions(lastSeenBefore: before)
                        if ended > 0 { logger.info("newsroom: idle sessions ended", metadata: ["sessions": "\(ended)"]) }
                    } catch {
                        logger.warning("newsroom: could not end idle sessions", metadata: ["error": "\(error)"])
                    }
                },
            ]
            let listing = polling
            if harvesting, shared, !noAllSources {
                // The all-sources listing is read once for the deployment, by the leader.
                duties.append(Leadership.Duty(name: "all-sources listing", interval: 30) { lease in
                    guard let sources = try? await store.sources(enabledOnly: true).filter(\.isHarvested) else { return }
                    let inserted = await leasedHarvester.readAllSourcesListing(under: lease, known: Set(sources.map(\.slug)), settings: listing)
                    if inserted > 0 { logger.info("all-sources listing read", metadata: ["new": "\(inserted)"]) }
                })
            }
            services.append(Leadership(leases: store, owner: WorkerName.current, duties: duties, logger: logger))
        }
        logger.info(
            "serving",
            metadata: [
                "url": "http://\(host):\(port)/", "database": "\(self.store.shown)", "role": "\(role.rawValue)",
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
