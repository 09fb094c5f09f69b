import EnbekshiCore
import Testing

@Suite("Array.chunks(of:)")
struct ArrayChunksTests {
    @Test("pieces keep every element once, in order, none larger than asked", arguments: [0, 1, 5, 499, 500, 501, 1_234])
    func pieces(_ count: Int) {
        let array = Array(0..<count)
        let chunks = array.chunks(of: 500)
        #expect(chunks.flatMap { $0 } == array)
        #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= 500 })
        #expect(chunks.count == (count + 499) / 500)
        #expect(array.chunks(of: 0).count == count, "a size below one is one")
    }
}
