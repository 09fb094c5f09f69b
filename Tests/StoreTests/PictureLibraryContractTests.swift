import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// Pictures on every engine: queued by saving an article with a lead picture (on each save path)
/// or explicitly, claimed newest first and held, retried or refused, stored once per content hash
/// and readable by every web node.
@Suite("PictureLibrary contract")
struct PictureLibraryContractTests {
    static func picture(_ hash: String, width: Int = 800, height: Int = 600) -> ProcessedPicture {
        ProcessedPicture(
            hash: hash, width: width, height: height, originalType: "image/png", original: Array("original \(hash)".utf8),
            variants: [320, 640].flatMap { w in
                PictureFormat.allCases.map { PictureVariant(width: w, height: w * 3 / 4, format: $0, bytes: Array("\(hash) \(w) \($0)".utf8)) }
            })
    }

    @Test("saved articles queue their lead pictures; claims go newest first and hold; failures retry or refuse",
          arguments: StoreImplementation.allCases)
    func queue(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let start = Date(timeIntervalSince1970: 1_765_000_000)
        var single = NewsStoreContractTests.version(.ru, hash: "a")
        single.heropic = "https://www.gov.kz/uploads/2025/12/18/a_original.1.jpg"
        single.fetchedAt = start
        _ = try await store.save(single, for: ArticleKey(project: "mod", govkzID: "1"))
        var batched = NewsStoreContractTests.version(.kk, hash: "b")
        batched.heropic = "https://www.gov.kz/uploads/2025/12/18/b_original.2.jpg"
        _ = try await store.saveBatch([BulkArticle(key: ArticleKey(project: "mod", govkzID: "2"), version: batched, topics: nil, copyOf: nil)])
        var relative = NewsStoreContractTests.version(.kk, hash: "c")
        relative.heropic = "/uploads/not-absolute.jpg"
        _ = try await store.save(relative, for: ArticleKey(project: "mod", govkzID: "3"))
        let later = Date().addingTimeInterval(60)
        try await store.queuePictures(urls: ["https://www.gov.kz/uploads/inline.png", "https://www.gov.kz/uploads/inline.png"], now: later)
        #expect(try await store.pictureCounts() == PictureCounts(pending: 3, ready: 0, refused: 0), "a relative path is not queued")

        let claimed = try await store.claimPictures(limit: 2, now: later, duration: 300)
        #expect(claimed.first == PictureTask(url: "https://www.gov.kz/uploads/inline.png", attempts: 0), "newest first")
        #expect(claimed.count == 2)
        let rest = try await store.claimPictures(limit: 10, now: later, duration: 300)
        #expect(rest.count == 1, "claimed pictures are held")
        #expect(Set((claimed + rest).map(\.url)).count == 3)
        #expect(try await store.claimPictures(limit: 10, now: later.addingTimeInterval(299), duration: 300).isEmpty)

        let failing = claimed[0].url
        try await store.pictureFailed(url: failing, reason: "HTTP 503", retryAt: later.addingTimeInterval(600), now: later)
        let refused = rest[0].url
        try await store.pictureFailed(url: refused, reason: "not a picture", retryAt: nil, now: later)
        let again = try await store.claimPictures(limit: 10, now: later.addingTimeInterval(601), duration: 300)
        #expect(again.contains(PictureTask(url: failing, attempts: 1)))
        #expect(!again.map(\.url).contains(refused), "a refused picture is not fetched again")
        #expect(try await store.pictureCounts() == PictureCounts(pending: 2, ready: 0, refused: 1))
        // Queueing a known URL again keeps its state.
        try await store.queuePictures(urls: [refused], now: later)
        #expect(try await store.pictureCounts().refused == 1)
    }

    @Test("a stored picture is ready for every URL that names its bytes; its files are served as stored; pages change",
          arguments: StoreImplementation.allCases)
    func store(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let now = Date()
        let first = "https://www.gov.kz/uploads/one.jpg", second = "https://www.gov.kz/uploads/same-bytes.jpg"
        try await store.queuePictures(urls: [first, second, "https://www.gov.kz/uploads/missing.jpg"], now: now)
        let generation = try await store.contentGeneration()
        try await store.storePicture(url: first, picture: Self.picture("abc123"), now: now)
        #expect(try await store.contentGeneration() > generation, "pages showing the article must be made again")
        try await store.storePicture(url: second, picture: Self.picture("abc123"), now: now)
        // A failure reported late (another worker's claim ran out) does not undo a stored picture.
        try await store.pictureFailed(url: second, reason: "timeout", retryAt: nil, now: now)

        let found = try await store.pictures(urls: [first, second, "https://www.gov.kz/uploads/missing.jpg", "https://elsewhere"])
        let reference = PictureReference(hash: "abc123", width: 800, height: 600, widths: [320, 640])
        #expect(found == [first: reference, second: reference])
        #expect(try await store.pictureFile(hash: "abc123", name: "640.webp")
            == PictureFile(contentType: "image/webp", bytes: Array("abc123 640 webp".utf8)))
        #expect(try await store.pictureFile(hash: "abc123", name: "original") == PictureFile(contentType: "image/png", bytes: Array("original abc123".utf8)))
        #expect(try await store.pictureFile(hash: "abc123", name: "1280.webp") == nil)
        #expect(try await store.pictureFile(hash: "nope", name: "640.webp") == nil)
        #expect(try await store.pictureCounts() == PictureCounts(pending: 1, ready: 2, refused: 0))
        #expect(try await store.claimPictures(limit: 10, now: now, duration: 60).map(\.url) == ["https://www.gov.kz/uploads/missing.jpg"])
    }
}
