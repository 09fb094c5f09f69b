#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Named places where the crash-safety test stops the process with SIGKILL, as a power cut or an
/// out-of-memory kill would: `ENBEKSHI_CRASH_AT=NAME:N` kills it the Nth time it passes NAME.
/// Unset (always, outside that test), a point costs one atomic load.
public enum CrashPoint {
    private static let plan: (name: String, at: Int)? = {
        guard let raw = getenv("ENBEKSHI_CRASH_AT").map({ String(cString: $0) }) else { return nil }
        let parts = raw.split(separator: ":")
        guard parts.count == 2, let count = Int(parts[1]), count > 0 else { return nil }
        return (String(parts[0]), count)
    }()
    private static let passes = Atomic<Int>(0)

    public static func pass(_ name: String) {
        guard let plan, plan.name == name else { return }
        if passes.add(1, ordering: .relaxed).newValue == plan.at { kill(getpid(), SIGKILL) }
    }
}
