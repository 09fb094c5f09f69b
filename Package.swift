// swift-tools-version:6.2
import PackageDescription

// Folders follow the data flow: gov.kz → Harvest → Clean → Store → Publish.
// Each stage is a library; `enbekshi` is a thin executable over `EnbekshiApp`.
let package = Package(
    name: "enbekshi",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "enbekshi", targets: ["enbekshi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Shared vocabulary: languages, sources, article versions. No I/O.
        .target(name: "EnbekshiCore", resources: [.copy("Resources/project-slugs.txt")]),
        // libxml2's HTML parser, reached from Swift through a small shim.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libvips, for pictures: fast and lean on memory, reached through a small shim.
        // (Debian: libvips-dev.)
        .target(
            name: "CVips",
            linkerSettings: [.linkedLibrary("vips"), .linkedLibrary("gobject-2.0"), .linkedLibrary("glib-2.0")]
        ),
        // SQLite's C API, for the FTS5 ranking function GRDB has no wrapper for.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // Stage 1: talk to gov.kz (or read its recorded answers) and decode tolerantly.
        .target(
            name: "Harvest",
            dependencies: [
                .product(name: "Metrics", package: "swift-metrics"),
                "EnbekshiCore", "Clean", "Enrich", "Store",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Stage 2: untrusted gov.kz HTML → sanitised paragraphs; untrusted pictures → safe sizes.
        .target(
            name: "Clean",
            dependencies: ["EnbekshiCore", "CLibXML2", "CVips", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Stage 3: what we learn from the text: its language and what an editor should check.
        // (Translation, sections, regions and stories will live here too.)
        .target(
            name: "Enrich",
            dependencies: [
                .product(name: "Metrics", package: "swift-metrics"),
                "EnbekshiCore", "Clean", "Store",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/sections.jsonl")]
        ),
        // Stage 4: the store's roles and their two engines, SQLite (embedded) and PostgreSQL.
        .target(
            name: "Store",
            dependencies: [
                .product(name: "Metrics", package: "swift-metrics"),
                "EnbekshiCore", "CSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Stage 5: the web site.
        .target(
            name: "Publish",
            dependencies: [
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                "EnbekshiCore", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Beside publishing: the editors' room (`/admin`): accounts, sessions, the review queue, the audit trail.
        .target(
            name: "Admin",
            dependencies: [
                "EnbekshiCore", "Clean", "Enrich", "Harvest", "Store", "Publish",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Commands and service wiring; the executable only calls into this.
        .target(
            name: "EnbekshiApp",
            dependencies: [
                "EnbekshiCore", "Harvest", "Clean", "Enrich", "Store", "Publish", "Admin", "GovKzFake", "TranslationFakes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/demo")]
        ),
        .executableTarget(name: "enbekshi", dependencies: ["EnbekshiApp"]),
        // Runs a test fake on a free loopback port for the length of a test.
        .target(name: "LoopbackServer", dependencies: [.product(name: "Hummingbird", package: "hummingbird")]),
        // A fake gov.kz on 127.0.0.1 that replays recorded answers and injects faults.
        // Used by tests now and by benchmarks later.
        .target(
            name: "GovKzFake",
            dependencies: [
                "EnbekshiCore", "LoopbackServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Free photographs it serves as gov.kz's pictures (licences in Pictures/LICENSES.md).
            resources: [.copy("Pictures")]
        ),
        // Fake translation engines on 127.0.0.1 (LibreTranslate and OpenAI protocols) for tests.
        .target(
            name: "TranslationFakes",
            dependencies: [
                "LoopbackServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers shared by the test targets: temporary database files that clean up after themselves.
        .target(name: "TestSupport", dependencies: ["Store"], path: "Tests/TestSupport"),
        .testTarget(
            name: "HarvestTests",
            dependencies: ["Harvest", "GovKzFake", "Store", "EnbekshiCore", "Clean", "Enrich", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "EnbekshiCoreTests", dependencies: ["EnbekshiCore"]),
        .testTarget(
            name: "EnrichTests",
            dependencies: [
                "Enrich", "Clean", "EnbekshiCore", "Store", "TestSupport", "TranslationFakes",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "CleanTests",
            dependencies: ["Clean", "EnbekshiCore", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "EnbekshiCore", "TestSupport", .product(name: "PostgresNIO", package: "postgres-nio")],
            resources: [.copy("sqlite-schema.sql")]),
        .testTarget(
            name: "PublishTests",
            dependencies: [
                "Publish", "Store", "EnbekshiCore", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ]
        ),
        .testTarget(
            name: "AdminTests",
            dependencies: [
                "Admin", "Enrich", "GovKzFake", "Harvest", "Publish", "Store", "EnbekshiCore", "TestSupport", "TranslationFakes",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "EnbekshiAppTests",
            dependencies: [
                "EnbekshiApp", "Admin", "Store", "EnbekshiCore", "GovKzFake", "TestSupport", "TranslationFakes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
