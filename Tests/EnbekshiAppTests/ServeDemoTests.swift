import AsyncHTTPClient
@testable import EnbekshiApp
import Foundation
import NIOCore
import Store
import TestSupport
import Testing

@Suite("serve --demo, end to end")
struct ServeDemoTests {
    @Test("a demo harvests nothing unless a gov.kz address is given; a plain serve harvests")
    func demoStaysOffline() throws {
        func harvests(_ arguments: [String], environment: [String: String] = [:]) throws -> Bool {
            let command = try #require(try EnbekshiCommand.parseAsRoot(["serve"] + arguments) as? ServeCommand)
            return command.harvests(environment: environment)
        }
        #expect(try harvests(["--demo"]) == false)
        #expect(try harvests(["--demo", "--govkz-base-url", "http://127.0.0.1:9"]) == true)
        #expect(try harvests(["--demo"], environment: ["ENBEKSHI_GOVKZ_BASE_URL": "http://127.0.0.1:9"]) == true)
        #expect(try harvests(["--demo"], environment: ["ENBEKSHI_GOVKZ_BASE_URL": ""]) == false)
        #expect(try harvests([]) == true)
        #expect(try harvests(["--no-harvest"]) == false)
    }

    @Test("the bundled demo corpus is served with paragraphs intact, in every edition, and stops cleanly (--no-migrate on a current schema)")
    func demo() async throws {
        let database = try await TemporaryDatabase()
        let port = try #require(FreePort.next())
        let server = Task {
            try await CommandRunner.run([
                "serve", "--demo", "--no-harvest", "--no-migrate", "--database", database.path, "--port", String(port),
            ])
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        func get(_ path: String) async throws -> (Int, String) {
            let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(5))
            let body = try await response.body.collect(upTo: 4 << 20)
            return (Int(response.status.code), String(buffer: body))
        }
        do {
            var home: (Int, String) = (0, "")
            for _ in 0..<100 {
                if let answer = try? await get("/en") { home = answer; break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(home.0 == 200)
            #expect(home.1.contains("Key changes in the tax reporting procedure"))
            // The bundled machine translations fill the English and Kazakh editions, labelled.
            #expect(home.1.contains("Kazakhstanis can settle a road accident without the police or a court"))
            let (_, kazakhHome) = try await get("/kk")
            let kazakhLinks = Set(kazakhHome.components(separatedBy: "href=\"/kk/news/").dropFirst().compactMap { $0.split(separator: "\"").first })
            #expect(kazakhLinks.count >= 15)
            #expect(kazakhHome.contains("Қазақстандықтар жол-көлік оқиғасын полиция мен сотсыз ресімдей алады"))
            let accidentLink = try #require(kazakhHome.components(separatedBy: "href=\"/kk/news/").dropFirst()
                .first { $0.contains("Қазақстандықтар жол-көлік оқиғасын") }?.split(separator: "\"").first)
            let (_, accident) = try await get("/kk/news/\(accidentLink)")
            #expect(accident.contains("Орыс тілінен машиналық аударма"))
            #expect(!home.1.contains("certificate.The"))

            // Every demo article page answers, and bodies keep their paragraph structure.
            let links = Set(home.1.components(separatedBy: "href=\"/en/news/").dropFirst().compactMap { $0.split(separator: "\"").first }.filter { $0.first?.isNumber == true })
            #expect(links.count >= 10)
            for link in links {
                let (status, page) = try await get("/en/news/\(link)")
                #expect(status == 200, "\(link)")
                if page.contains("<div class=\"body\">") {
                    #expect(page.components(separatedBy: "<p>").count > 1, "\(link)")
                }
            }
            let (kkStatus, kazakh) = try await get("/kk/news/all")
            #expect(kkStatus == 200)
            #expect(kazakh.contains("Қазақстанда бірыңғай қаржылық омбудсмен қызметін енгізу ұсынылып отыр"))

            // The republished road-accident release is one story naming both bodies; the Zhambyl and
            // Zhetysu tax-reporting releases stay two stories that link to each other.
            let (_, russian) = try await get("/ru/news/all")
            #expect(russian.components(separatedBy: "Казахстанцы могут оформить ДТП без полиции и суда").count == 2)
            #expect(russian.contains("Также опубликовали: <a href=\"/ru/source/qriim\">Министерство внутренних дел</a>"))
            let (_, english) = try await get("/en/news/all")
            let zhambylLink = try #require(english.components(separatedBy: "href=\"/en/news/").dropFirst()
                .first { $0.contains("-key-changes-in-the-tax-reporting-procedure\"") }?.split(separator: "\"").first)
            let (_, zhambyl) = try await get("/en/news/\(zhambylLink)")
            let related = try #require(zhambyl.components(separatedBy: "<section class=\"related\"").dropFirst().first)
            #expect(related.contains("Cancellation of the “Revocation of Tax Returns” service"))
            #expect(related.contains("State Revenue Department, Zhetysu Region"))
            #expect(zhambyl.contains("State Revenue Department, Zhambyl Region"))
        } catch {
            Issue.record(error)
        }
        try await client.shutdown()
        server.cancel()
        let exit = try await server.value
        #expect(exit == 0)
        let store = try await database.reopen()
        #expect(try await store.statistics().articles >= 30)
    }
}
