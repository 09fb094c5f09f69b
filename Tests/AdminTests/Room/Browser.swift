import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A browser for the tests: talks to the live server on 127.0.0.1 and keeps a cookie jar as a
/// browser does (Set-Cookie stored by name and path, sent where the path matches, Max-Age=0
/// deletes), without following redirects.
actor Browser {
    struct Page: Sendable {
        var status: Int
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }

        /// The value of the first hidden `csrf` field.
        var csrf: String? {
            guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    struct StoredCookie: Sendable {
        var value: String
        var path: String
    }

    let client: any TestClientProtocol
    private(set) var jar: [String: StoredCookie] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    func cookie(_ name: String) -> String? { jar[name]?.value }

    func setCookie(_ name: String, _ value: String, path: String = "/") { jar[name] = StoredCookie(value: value, path: path) }

    func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    func post(_ uri: String, _ form: [String: String]) async throws -> Page {
        let body = form.sorted { $0.key < $1.key }.map { name, value in
            "\(Self.encode(name))=\(Self.encode(value))"
        }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    /// Signs in through the form, as a person would: the page first (for its token and cookie).
    @discardableResult func signIn(_ login: String, _ password: String, next: String? = nil, code: String? = nil) async throws -> Page {
        let form = try await get("/admin/login")
        var fields = ["login": login, "password": password, "csrf": form.csrf ?? ""]
        if let next { fields["next"] = next }
        if let code { fields["code"] = code }
        return try await post("/admin/login", fields)
    }

    private func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws -> Page {
        var headers: HTTPFields = [.userAgent: "enbekshi-tests"]
        let path = String(uri.split(separator: "?", maxSplits: 1).first ?? "")
        let sent = jar.filter { path == $0.value.path || path.hasPrefix($0.value.path.hasSuffix("/") ? $0.value.path : $0.value.path + "/") }
        if !sent.isEmpty { headers[.cookie] = sent.map { "\($0.key)=\($0.value.value)" }.sorted().joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let page = Page(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
        for header in page.setCookies { store(header) }
        return page
    }

    private func store(_ header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
        var path = "/"
        var expired = false
        for attribute in parts.dropFirst() {
            let lowered = attribute.lowercased()
            if lowered.hasPrefix("path=") { path = String(attribute.dropFirst(5)) }
            if lowered == "max-age=0" { expired = true }
        }
        if expired || value.isEmpty { jar[name] = nil } else { jar[name] = StoredCookie(value: value, path: path) }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
