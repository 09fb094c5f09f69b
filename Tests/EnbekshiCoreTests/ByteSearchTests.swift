import EnbekshiCore
import Testing

@Suite("Array.firstOffset(of:)")
struct ByteSearchTests {
    @Test("finds the first occurrence byte for byte, as a plain scan does")
    func agreesWithScan() {
        func scan(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
            guard !needle.isEmpty else { return 0 }
            guard needle.count <= haystack.count else { return nil }
            return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
        }
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            // A small alphabet, so partial matches and repeats are common.
            let haystack = (0..<Int(generator.next() % 64)).map { _ in UInt8(generator.next() % 3) }
            let needle = (0..<Int(generator.next() % 5)).map { _ in UInt8(generator.next() % 3) }
            #expect(haystack.firstOffset(of: needle) == scan(haystack, needle), "\(haystack) \(needle)")
            // From a later offset: the first occurrence at or after it, as a scan of the rest finds.
            let from = Int(generator.next() % UInt64(haystack.count + 2))
            let rest = from <= haystack.count ? scan(Array(haystack[from...]), needle).map { $0 + from } : nil
            let found = haystack.withUnsafeBufferPointer { $0.firstOffset(of: needle, from: from) }
            #expect(found == (needle.isEmpty ? min(from, haystack.count) : rest), "\(haystack) \(needle) from \(from)")
        }
        let json = Array("{\"title\":\"Жаңалық\",\"body\":@original_html}".utf8)
        #expect(json.firstOffset(of: Array("\"body\":@original_html".utf8)) == json.count - 22)
        #expect(json.firstOffset(of: Array("\"body\":\"".utf8)) == nil)
    }
}
