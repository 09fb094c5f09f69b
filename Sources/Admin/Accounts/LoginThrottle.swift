import Foundation
import Synchronization

/// Failed sign-ins counted per account and per address over a sliding window: past the limit,
/// further tries are refused until the oldest failure leaves the window. Per node and in memory;
/// failures are also logged with account and address, for fail2ban.
public final class LoginThrottle: Sendable {
    public struct Limits: Sendable {
        public var perAccount: Int
        public var perAddress: Int
        public var window: Duration

        public init(perAccount: Int = 5, perAddress: Int = 20, window: Duration = .seconds(15 * 60)) {
            self.perAccount = perAccount
            self.perAddress = perAddress
            self.window = window
        }
    }

    let limits: Limits
    private let failures = Mutex<(accounts: [String: [Date]], addresses: [String: [Date]])>(([:], [:]))

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Seconds until this account or address may try again; nil when it may now.
    public func retryAfter(account: String, address: String, now: Date = Date()) -> Int? {
        let window = Double(limits.window.components.seconds)
        return failures.withLock { state in
            var waits: [Double] = []
            for (times, limit) in [(state.accounts[account] ?? [], limits.perAccount), (state.addresses[address] ?? [], limits.perAddress)] {
                let recent = times.filter { now.timeIntervalSince($0) < window }
                if recent.count >= limit, let oldest = recent.min() { waits.append(window - now.timeIntervalSince(oldest)) }
            }
            return waits.max().map { max(1, Int($0.rounded(.up))) }
        }
    }

    public func recordFailure(account: String, address: String, now: Date = Date()) {
        let window = Double(limits.window.components.seconds)
        failures.withLock { state in
            func add(_ key: String, to table: inout [String: [Date]]) {
                var times = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
                times.append(now)
                table[key] = times
            }
            add(account, to: &state.accounts)
            add(address, to: &state.addresses)
            // Keys whose failures have all left the window are dropped, so memory stays bounded.
            if state.accounts.count + state.addresses.count > 10_000 {
                state.accounts = state.accounts.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
                state.addresses = state.addresses.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
            }
        }
    }

    /// A good sign-in forgets the account's failures (not the address's).
    public func recordSuccess(account: String) {
        failures.withLock { _ = $0.accounts.removeValue(forKey: account) }
    }
}
