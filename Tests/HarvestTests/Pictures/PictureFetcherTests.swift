import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
import Store
import TestSupport
import Testing

/// The picture queue against the fake gov.kz on 127.0.0.1 and a real SQLite file: good pictures
/// are stored in every size; gov.kz's bad answers are retried or refused, each logged, none crashes;
/// a picture on another host is never requested.
@Suite("Picture fetcher")
struct PictureFetcherTests {
    @Test("a picture is fetched from gov.kz's host (via the configured base), made into sizes and stored; pages can show it")
    func stores() async throws {
        let database = try await TemporaryDatabase()
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        let url = "https://www.gov.kz/uploads/2025/12/18/d12775f20bf163447417ebeb3fbb2664_original.156695.jpg"
        try await database.store.queuePictures(urls: [url], now: Date())
        try await fake.withRunning { base in
            try await withClient(testConfiguration(base)) { client in
                let round = try await PictureFetcher(store: database.store, client: client, logger: quietLogger).runOnce()
                #expect(round == PictureFetcher.Round(stored: 1, retrying: 0, refused: 0))
            }
        }
        let request = try #require(fake.requests.first)
        #expect(request.path == "/uploads/2025/12/18/d12775f20bf163447417ebeb3fbb2664_original.156695.jpg")
        #expect(request.header("User-Agent")?.contains("EnbekshiQazaQ") == true)
        let reference = try #require(try await database.store.pictures(urls: [url])[url])
        let photograph = FakePictures.photograph(for: request.path)
        #expect(reference.hash.count == 32)
        #expect(!reference.widths.isEmpty && reference.widths.allSatisfy { $0 <= reference.width })
        let file = try #require(try await database.store.pictureFile(hash: reference.hash, name: "\(reference.widths[0]).webp"))
        #expect(file.contentType == "image/webp")
        #expect(try await database.store.pictureFile(hash: reference.hash, name: "original")?.bytes == photograph.bytes)
    }

    @Test("bad answers: HTML, a decompression bomb and another host are refused; 404 and 503 are retried later")
    func failures() async throws {
        let database = try await TemporaryDatabase()
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        fake.inject(FakeFault(.status(503), target: .picture))
        let now = Date()
        // One URL at a time, so that each meets the answer meant for it (claims go newest first).
        let urls = [
            "https://www.gov.kz/uploads/2025/1/1/unavailable.jpg", "https://www.gov.kz/uploads/broken/page.jpg",
            "https://www.gov.kz/uploads/bomb/huge.png", "https://www.gov.kz/uploads/missing/gone.jpg", "https://evil.example/uploads/a.jpg",
        ]
        let rounds = try await fake.withRunning { base in
            try await withClient(testConfiguration(base)) { client in
                let fetcher = PictureFetcher(store: database.store, client: client, logger: quietLogger)
                var rounds: [PictureFetcher.Round] = []
                for (index, url) in urls.enumerated() {
                    try await database.store.queuePictures(urls: [url], now: now.addingTimeInterval(Double(index)))
                    rounds.append(try await fetcher.runOnce(limit: 1, now: { now.addingTimeInterval(Double(index)) }))
                }
                return rounds
            }
        }
        #expect(rounds.map(\.retrying) == [1, 0, 0, 1, 0])
        #expect(rounds.map(\.refused) == [0, 1, 1, 0, 1])
        #expect(!fake.requests.contains { $0.path.contains("evil") }, "another host is never asked, nor gov.kz for it")
        #expect(fake.requests.count == 4)
        #expect(try await database.store.pictureCounts() == PictureCounts(pending: 2, ready: 0, refused: 3))
        // The 503 was passing: retried after its delay, the picture is stored.
        let later = now.addingTimeInterval(PictureFetcherTests.firstRetry + 10)
        try await fake.withRunning { base in
            try await withClient(testConfiguration(base)) { client in
                let round = try await PictureFetcher(store: database.store, client: client, logger: quietLogger).runOnce(now: { later })
                #expect(round.stored == 1, "the picture that met a 503 is stored")
                #expect(round.retrying == 1, "the missing one is tried again, still missing")
            }
        }
        #expect(try await database.store.pictures(urls: [urls[0]]).count == 1)
    }

    static let firstRetry: TimeInterval = 60
}
