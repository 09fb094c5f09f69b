import NIOCore
@testable import Publish
import Testing

/// The pictures kept in memory for `/media`: bounded by bytes, the least recently used out first.
@Suite("Picture file cache")
struct PictureFileCacheTests {
    static func body(_ size: Int, _ byte: UInt8 = 1) -> ByteBuffer { ByteBuffer(bytes: [UInt8](repeating: byte, count: size)) }

    @Test("keeps files within its bound and lets the least recently used go first")
    func leastRecentlyUsedOut() {
        let cache = PictureFileCache(maximumBytes: 1000)
        for index in 0..<8 { cache.keep("p\(index)", contentType: "image/webp", body: Self.body(100, UInt8(index))) }
        #expect(cache.count == 8 && cache.bytes == 800)
        #expect(cache.file("p0")?.body == Self.body(100, 0) && cache.file("p0")?.contentType == "image/webp")
        // Over the bound: down to three quarters, the least recently used first (p0 was just read).
        for index in 8..<11 { cache.keep("p\(index)", contentType: "image/jpeg", body: Self.body(100, UInt8(index))) }
        #expect(cache.bytes <= 750)
        #expect(cache.file("p0") != nil && cache.file("p10") != nil)
        #expect(cache.file("p1") == nil && cache.file("p2") == nil && cache.file("p3") == nil)
    }

    @Test("a file larger than an eighth of the cache is not kept; keeping a key again replaces it; 0 keeps nothing")
    func bounds() {
        let cache = PictureFileCache(maximumBytes: 800)
        cache.keep("large", contentType: "image/jpeg", body: Self.body(101))
        #expect(cache.file("large") == nil && cache.bytes == 0)
        cache.keep("same", contentType: "image/jpeg", body: Self.body(100))
        cache.keep("same", contentType: "image/webp", body: Self.body(50))
        #expect(cache.count == 1 && cache.bytes == 50 && cache.file("same")?.contentType == "image/webp")
        let none = PictureFileCache(maximumBytes: 0)
        none.keep("any", contentType: "image/jpeg", body: Self.body(1))
        #expect(none.count == 0)
    }
}
