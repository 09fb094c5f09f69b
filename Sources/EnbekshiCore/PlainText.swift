/// The text of sanitised body HTML for the search index: tags become spaces and the entities our
/// sanitiser writes are decoded. Not a general HTML parser: its input is our own output.
public enum PlainText {
    public static func from(html: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(html.utf8.count)
        var inTag = false
        for byte in html.utf8 {
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">") where inTag:
                inTag = false
                if output.last != UInt8(ascii: " ") { output.append(UInt8(ascii: " ")) }
            default: if !inTag { output.append(byte) }
            }
        }
        return HTMLEscaping.unescapeBasic(String(decoding: output, as: UTF8.self))
    }
}
