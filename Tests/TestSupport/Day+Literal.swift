import EnbekshiCore

// Tests write days and months as they read: "2025-12-18". A malformed literal is a bug in the test.
extension Day: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let day = Day(value) else { preconditionFailure("not a day: \(value)") }
        self = day
    }
}

extension Month: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let month = Month(value) else { preconditionFailure("not a month: \(value)") }
        self = month
    }
}
