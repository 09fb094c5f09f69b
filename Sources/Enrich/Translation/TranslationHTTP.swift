import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP exchange shared by the translation engines: POST JSON, read JSON, map failures.
struct TranslationHTTP: Sendable {
    let client: HTTPClient
    let timeout: Double

    func postJSON(url: String, body: Data, headers: [(String, String)] = []) async throws(TranslationError) -> Data {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            bytes = try await response.body.collect(upTo: 16 << 20)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw .timeout
        } catch {
            throw .transport(String(describing: error))
        }
        switch response.status.code {
        case 200..<300: return Data(bytes.readableBytesView)
        case 429:
            throw .rateLimited(retryAfter: response.headers.first(name: "Retry-After").flatMap(Double.init))
        default:
            throw .server(status: Int(response.status.code))
        }
    }
}
