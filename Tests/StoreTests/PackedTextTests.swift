import Foundation
import GRDB
@testable import Store
import Testing

@Suite("Packed originals: deflated in the database, text again when read")
struct PackedTextTests {
    @Test("long text is stored deflated and read back exactly; short text and older TEXT rows stay text")
    func roundTrip() {
        let html = "<p>Департамент государственных доходов напоминает о сроках уплаты налогов.</p>" + String(
            repeating: "<p>Салықтарды уақытында төлеңіз. Налоги на имущество платят до 1 октября.</p>", count: 30)
        let packed = PackedText.pack(html)
        guard case .blob(let data) = packed.storage else {
            Issue.record("long text should be a BLOB")
            return
        }
        #expect(data.count < html.utf8.count / 3)
        #expect(PackedText.unpack(packed) == html)
        #expect(PackedText.pack("<p>short</p>") == "<p>short</p>".databaseValue)
        #expect(PackedText.unpack("<p>stored before packing</p>".databaseValue) == "<p>stored before packing</p>")
        #expect(PackedText.pack(nil) == .null)
        #expect(PackedText.unpack(.null) == nil)
    }

    @Test("bytes that are not a deflate stream read as nothing, never a crash")
    func garbage() {
        #expect(PackedText.unpack(Data([0x01, 0x02, 0x03, 0xFF]).databaseValue) == nil)
    }
}
