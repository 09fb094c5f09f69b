import Foundation

/// SplitMix64: a small, fast random generator that gives the same sequence on every machine, for
/// deterministic benchmark corpora and test inputs; its output step also mixes MinHash slots.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    @inlinable public init(seed: UInt64) { state = seed }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A standard normal draw (Box–Muller), for log-normal rates in simulations.
    public mutating func normal() -> Double {
        (-2 * log(max(1e-12, unit()))).squareRoot() * cos(2 * .pi * unit())
    }
}
