import EnbekshiCore
import Testing

@Suite("ScalarClass")
struct ScalarClassTests {
    @Test("answers as the standard library does, inside the table and beyond it")
    func agreesWithStandardLibrary() {
        let samples = (0..<0x600).compactMap(Unicode.Scalar.init) + ["ә", "Ә", "İ", "Ω", "中", "٣", "ﬁ", "😀", "\u{2160}"]
        for scalar in samples {
            let properties = scalar.properties
            #expect(ScalarClass.isAlphabetic(scalar) == properties.isAlphabetic, "\(scalar)")
            #expect(ScalarClass.isNumeric(scalar) == (properties.numericType != nil), "\(scalar)")
            #expect(ScalarClass.isUppercase(scalar) == properties.isUppercase, "\(scalar)")
            #expect(ScalarClass.changesWhenLowercased(scalar) == properties.changesWhenLowercased, "\(scalar)")
        }
        #expect(ScalarClass.isAlphabetic("қ") && ScalarClass.isUppercase("Қ") && !ScalarClass.isAlphabetic("5"))
    }
}
