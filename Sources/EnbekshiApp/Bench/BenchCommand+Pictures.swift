import ArgumentParser
import Clean
import Foundation
import GovKzFake

extension BenchCommand {
    /// Picture processing (libvips) on the fake gov.kz's photographs (451 to 1,000 px wide): pictures
    /// a second on one core, and the process's peak memory.
    struct Pictures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Picture sizes made with libvips: speed and memory.")

        @Option(name: .long, help: "Pictures processed per kind.") var pictures = 200

        func run() async throws {
            let photographs = FakePictures.photographs
            guard !photographs.isEmpty else { throw ValidationError("the fake gov.kz's photographs are missing from the build") }
            print("pictures: \(pictures) per kind, WebP and JPEG at 320/640/1280 px, one core")
            for (name, bytes) in photographs {
                let clock = ContinuousClock()
                var output = 0
                let elapsed = try clock.measure {
                    for _ in 0..<pictures { output = try PictureProcessor.process(bytes).variants.reduce(0) { $0 + $1.bytes.count } }
                }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let label = name.padding(toLength: 22, withPad: " ", startingAt: 0)
                print(label + String(format: " %7d bytes in  %7d bytes out  %7.1f pictures/s  %6.1f ms each",
                                     bytes.count, output, Double(pictures) / seconds, 1000 * seconds / Double(pictures)))
            }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print("  peak resident memory: \(usage.ru_maxrss / 1024) MB")
        }
    }
}
