@testable import Admin
import Foundation
import Testing

@Suite("LoginThrottle")
struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("an account is refused after its limit of failures until the oldest leaves the window; a success forgets them")
    func perAccount() {
        let throttle = LoginThrottle(limits: .init(perAccount: 3, perAddress: 100, window: .seconds(600)))
        for second in 0..<3 {
            #expect(throttle.retryAfter(account: "ainur", address: "a", now: start) == nil)
            throttle.recordFailure(account: "ainur", address: "a", now: start.addingTimeInterval(Double(second)))
        }
        #expect(throttle.retryAfter(account: "ainur", address: "b", now: start.addingTimeInterval(10)) == 590)
        #expect(throttle.retryAfter(account: "bolat", address: "b", now: start.addingTimeInterval(10)) == nil)
        #expect(throttle.retryAfter(account: "ainur", address: "b", now: start.addingTimeInterval(601)) == nil)
        throttle.recordSuccess(account: "ainur")
        #expect(throttle.retryAfter(account: "ainur", address: "b", now: start.addingTimeInterval(10)) == nil)
    }

    @Test("an address trying many accounts is refused for all of them")
    func perAddress() {
        let throttle = LoginThrottle(limits: .init(perAccount: 100, perAddress: 4, window: .seconds(600)))
        for index in 0..<4 { throttle.recordFailure(account: "user\(index)", address: "10.0.0.9", now: start) }
        #expect(throttle.retryAfter(account: "someone", address: "10.0.0.9", now: start) != nil)
        #expect(throttle.retryAfter(account: "someone", address: "10.0.0.10", now: start) == nil)
    }
}
