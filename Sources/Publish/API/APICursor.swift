import Foundation

/// The opaque `cursor` of article lists: the (published, id) of the last item, or for text queries
/// the offset reached. Base64url, so it survives any URL.
enum APICursor {
    case after(published: String, id: Int64)
    case offset(Int)

    var encoded: String {
        let text = switch self {
        case .after(let published, let id): "a|\(published)|\(id)"
        case .offset(let offset): "o|\(offset)"
        }
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    init?(_ encoded: String) {
        guard encoded.count <= 200 else { return nil }
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("a", 3):
            guard let id = Int64(parts[2]), GovKzDateCheck.isLocal(parts[1]) else { return nil }
            self = .after(published: parts[1], id: id)
        case ("o", 2):
            guard let offset = Int(parts[1]), (0...10_000).contains(offset) else { return nil }
            self = .offset(offset)
        default: return nil
        }
    }
}

/// A stored local time looks like `2025-12-18T12:41:00`.
enum GovKzDateCheck {
    static func isLocal(_ text: String) -> Bool {
        text.count >= 10 && text.count <= 32 && text.allSatisfy { $0.isASCII && ($0.isNumber || "-T:.".contains($0)) }
    }
}
