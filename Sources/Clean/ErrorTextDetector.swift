/// Recognises error pages and error messages so they are never stored as news.
public enum ErrorTextDetector {
    static let statusPhrases = [
        "bad gateway", "gateway timeout", "service unavailable", "internal server error", "too many requests",
        "not found", "forbidden", "bad request", "access denied",
    ]

    /// Whether a title or a short body reads like an HTTP or server error rather than news.
    public static func looksLikeError(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces().lowercased()
        guard !trimmed.isEmpty, trimmed.count < 400 else { return false }
        // "502 Bad Gateway", "Error 503", "HTTP 500 Internal Server Error", "nginx/1.18"
        let startsWithStatus = trimmed.prefix(3).allSatisfy(\.isNumber) && trimmed.count >= 3
            && (trimmed.count == 3 || trimmed.dropFirst(3).first == " ")
        if startsWithStatus, statusPhrases.contains(where: trimmed.contains) || trimmed.count <= 40 { return true }
        if trimmed.hasPrefix("error ") || trimmed.hasPrefix("http error") || trimmed.hasPrefix("http/1.")
            || (trimmed.hasPrefix("http ") && trimmed.dropFirst(5).prefix(3).allSatisfy(\.isNumber))
        {
            return true
        }
        if trimmed.contains("nginx/") || trimmed.contains("cloudflare ray id") { return true }
        if trimmed.hasPrefix("{\"error\"") || trimmed.hasPrefix("{\"status\":") || trimmed.hasPrefix("{\"message\"") {
            return true
        }
        return statusPhrases.contains(trimmed)
    }
}
