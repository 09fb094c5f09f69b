import Foundation

/// How a process names itself in the leases it holds: the machine, the process and a random
/// part, so a restarted process (same pid on another boot) is never mistaken for its predecessor.
public enum WorkerName {
    public static let current: String = {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(host)/\(ProcessInfo.processInfo.processIdentifier)/\(random)"
    }()
}
