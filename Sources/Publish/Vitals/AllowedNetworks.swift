import Foundation
import NIOCore

/// Who may read `/metrics`: addresses in these networks ("127.0.0.0/8", "::1/128", "10.0.0.0/8"),
/// loopback alone unless the operator says otherwise (`--metrics-allow`).
public struct AllowedNetworks: Sendable, Hashable {
    struct Network: Sendable, Hashable {
        var bytes: [UInt8]
        var prefix: Int
    }

    let networks: [Network]

    public static let loopback = AllowedNetworks(networks: [
        Network(bytes: [127, 0, 0, 0], prefix: 8), Network(bytes: Array(repeating: 0, count: 15) + [1], prefix: 128),
    ])

    init(networks: [Network]) {
        self.networks = networks
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var text: String
        public var description: String { "not a network: \(text) (write 10.0.0.0/8, 192.168.1.5 or ::1/128)" }
    }

    /// Parses a comma-separated list of addresses and networks.
    public init(parsing list: String) throws {
        networks = try list.split(separator: ",").map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            let pieces = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(of: pieces[0]) else { throw Invalid(text: text) }
            let prefix = pieces.count == 2 ? Int(pieces[1]) : bytes.count * 8
            guard let prefix, (0...(bytes.count * 8)).contains(prefix) else { throw Invalid(text: text) }
            return Network(bytes: bytes, prefix: prefix)
        }
    }

    public func contains(_ address: SocketAddress?) -> Bool {
        guard let ip = address?.ipAddress, var bytes = Self.bytes(of: ip) else { return false }
        // An IPv4 peer reached over an IPv6 socket (::ffff:a.b.c.d) is judged as IPv4.
        if bytes.count == 16, bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] { bytes = Array(bytes.suffix(4)) }
        return networks.contains { network in
            guard network.bytes.count == bytes.count else { return false }
            for bit in 0..<network.prefix {
                let mask = UInt8(0x80) >> UInt8(bit % 8)
                if network.bytes[bit / 8] & mask != bytes[bit / 8] & mask { return false }
            }
            return true
        }
    }

    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
