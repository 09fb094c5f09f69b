#if canImport(Glibc)
import Glibc
#endif

/// A TCP port on 127.0.0.1 that nothing listens on now, for a server a test starts by its command
/// line. Picked below the kernel's ephemeral range (32768–60999 here), where servers bound to port 0
/// and outgoing connections take theirs: a port picked there could be handed to another test's
/// server in the seconds before ours binds it (seen: the demo test asked a fake gov.kz for /en).
public enum FreePort {
    public static func next() -> Int? {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let port = Int.random(in: 20_000..<32_768, using: &generator)
            if isFree(port) { return port }
        }
        return nil
    }

    static func isFree(_ port: Int) -> Bool {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return false }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return bound == 0
    }
}
