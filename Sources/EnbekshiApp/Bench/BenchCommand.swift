import ArgumentParser
import Clean
import EnbekshiCore
import Enrich
import Foundation
import Harvest
import Mustache
import Publish

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed; prints figures for BENCHMARKS.md.",
        subcommands: [Render.self, CleanBodies.self, Corpus.self, Search.self, Ingest.self, Freshness.self, Pictures.self])

    /// Compares the site's Swift-built pages with a Mustache template of the same markup, which is
    /// how the template approach was chosen (README, Architecture).
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Page rendering: Swift views vs a Mustache template.")

        @Option(name: .long, help: "Pages rendered per approach.") var iterations = 5000
        @Option(name: .long, help: "Only this approach: swift or mustache (for profiling).") var only: String?

        func run() async throws {
            let items = RenderingSample.items()
            let template = try MustacheTemplate(string: Self.listingTemplate)
            let data: [String: Any] = [
                "lang": "ru", "title": "Все новости", "items": items.map { item -> [String: Any] in
                    ["path": item.path, "title": item.title, "date": item.date, "source": item.source, "lead": item.lead]
                },
            ]
            func measure(_ name: String, _ body: () -> String) -> (String, Double, Int) {
                var bytes = 0
                for _ in 0..<100 { bytes = body().utf8.count }  // warm-up
                let clock = ContinuousClock()
                let elapsed = clock.measure {
                    for _ in 0..<iterations { bytes = body().utf8.count }
                }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                return (name, Double(iterations) / seconds, bytes)
            }
            var results: [(String, Double, Int)] = []
            if only != "mustache" { results.append(measure("swift views") { RenderingSample.renderNative(items) }) }
            if only != "swift" { results.append(measure("mustache") { template.render(data) }) }
            print("render: listing page of \(items.count) items, \(iterations) pages each")
            for (name, rate, bytes) in results {
                print(String(format: "  %-12@ %9.0f pages/s  %6.1f µs/page  %d bytes", name as NSString, rate, 1e6 / rate, bytes))
            }
        }

        static let listingTemplate = """
            <!DOCTYPE html>
            <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} — Enbekshi QazaQ</title><link rel="stylesheet" href="/static/site.css?v=1"></head>
            <body><a class="skip" href="#main">Перейти к содержанию</a>
            <header class="masthead"><div class="wrap"><a class="brand" href="/ru">Enbekshi QazaQ</a></div></header>
            <main id="main" class="wrap"><h1>{{title}}</h1>
            <ul class="news">
            {{#items}}<li><h2><a href="{{path}}">{{title}}</a></h2><p class="meta" lang="{{lang}}"><time>{{date}}</time> · {{source}}</p><p class="lead">{{lead}}</p></li>
            {{/items}}</ul></main><footer class="wrap footer"><p>Тексты взяты с портала gov.kz.</p></footer></body></html>
            """
    }

    /// Cleaning throughput on real gov.kz bodies (the demo corpus, cycled): the whole derivation an
    /// ingested item goes through (sanitise, headline, language, quality flags), and the sanitiser alone.
    struct CleanBodies: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clean", abstract: "Cleaning speed on real gov.kz bodies.")

        @Option(name: .long, help: "Bodies cleaned.") var bodies = 10_000

        func run() async throws {
            var items: [GovKzItem] = []
            for entry in try DemoCorpus.entries() {
                let recorded = RecordedFile(path: entry.file.path, project: entry.project, language: entry.language)
                items += try recorded.items().items.filter(\.hasBody)
            }
            guard !items.isEmpty else { throw ValidationError("the demo corpus has no bodies") }
            let bytes = items.reduce(0) { $0 + ($1.body?.utf8.count ?? 0) }
            let preparer = VersionPreparer(cleaner: HTMLCleaner())
            let clock = ContinuousClock()
            var paragraphs = 0
            let full = clock.measure {
                for index in 0..<bodies {
                    let item = items[index % items.count]
                    let prepared = preparer.prepare(
                        title: item.title, bodyHTML: item.body, published: item.createdDate.flatMap(GovKzDate.init),
                        requested: .ru, fallbackLanguage: .ru)
                    paragraphs += prepared.body.paragraphs.count
                }
            }
            let sanitiseOnly = clock.measure {
                for index in 0..<bodies { paragraphs += preparer.cleaner.clean(items[index % items.count].body).paragraphs.count }
            }
            func seconds(_ duration: Duration) -> Double {
                Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            }
            print("clean: \(bodies) bodies cycled from \(items.count) real gov.kz bodies (mean \(bytes / items.count) bytes)")
            for (name, duration) in [("prepare (all)", full), ("sanitise only", sanitiseOnly)] {
                let perThousand = seconds(duration) / Double(bodies) * 1000
                print(String(format: "  %-14@ %8.0f bodies/s  %6.1f ms per 1,000", name as NSString, Double(bodies) / seconds(duration), perThousand * 1000))
            }
        }
    }
}
