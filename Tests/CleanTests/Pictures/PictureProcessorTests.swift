import Clean
import EnbekshiCore
import Foundation
import Testing

/// Untrusted picture files through libvips: real pictures become WebP and JPEG sizes no wider
/// than the original; anything else is refused with a reason, and nothing crashes.
@Suite("Picture processor")
struct PictureProcessorTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/pictures"))
        return Array(try Data(contentsOf: url))
    }

    @Test("a wide photograph becomes 320, 640 and 1280 pixels wide, in WebP and JPEG, with its shape kept")
    func widePhotograph() throws {
        let bytes = try Self.fixture("wide.jpg")
        let picture = try PictureProcessor.process(bytes)
        #expect(picture.width == 1920 && picture.height == 1281)
        #expect(picture.originalType == "image/jpeg" && picture.original == bytes)
        #expect(picture.hash == PictureProcessor.hash(of: bytes) && picture.hash.count == 32)
        #expect(picture.variants.map(\.name) == ["320.webp", "320.jpg", "640.webp", "640.jpg", "1280.webp", "1280.jpg"])
        for variant in picture.variants {
            #expect(abs(Double(variant.height) - Double(variant.width) * 1281 / 1920) <= 1, "\(variant.name) keeps the shape")
            switch variant.format {
            case .webp: #expect(Array(variant.bytes[8..<12]) == Array("WEBP".utf8))
            case .jpeg: #expect(Array(variant.bytes.prefix(2)) == [0xFF, 0xD8])
            }
            #expect(variant.bytes.count < bytes.count, "\(variant.name) is smaller than the original")
        }
    }

    @Test("a picture narrower than the smallest size is kept at its own width; transparency is flattened; GIF is read")
    func smallPictures() throws {
        let gif = try PictureProcessor.process(try Self.fixture("small.gif"))
        #expect(gif.originalType == "image/gif")
        #expect(gif.variants.map(\.name) == ["226.webp", "226.jpg"])
        #expect(PictureProcessor.variantWidths(forWidth: 640) == [320, 640])
        #expect(PictureProcessor.variantWidths(forWidth: 5000) == [320, 640, 1280])
        let png = try PictureProcessor.process(try Self.fixture("transparent.png"))
        #expect(png.originalType == "image/png")
        #expect(png.variants.map(\.name) == ["320.webp", "320.jpg", "400.webp", "400.jpg"])
    }

    @Test("what is not a safe picture is refused, each with its reason",
          arguments: [
            ("not-a-picture.jpg", "notAPicture"), ("drawing.svg", "notAPicture"), ("bomb.png", "tooManyPixels"),
            ("truncated.jpg", "damaged"),
          ])
    func refusals(_ name: String, _ kind: String) throws {
        let bytes = try Self.fixture(name)
        #expect {
            _ = try PictureProcessor.process(bytes)
        } throws: { error in
            guard let refusal = error as? PictureRefusal else { return false }
            switch refusal {
            case .notAPicture: return kind == "notAPicture"
            case .tooManyPixels(let width, let height): return kind == "tooManyPixels" && width == 100_000 && height == 100_000
            case .damaged(let reason): return kind == "damaged" && !reason.isEmpty
            default: return false
            }
        }
    }

    @Test("empty and oversized files are refused before libvips reads them")
    func sizes() throws {
        #expect(throws: PictureRefusal.empty) { try PictureProcessor.process([]) }
        let huge = [UInt8](repeating: 0xFF, count: PictureProcessor.maximumBytes + 1)
        #expect(throws: PictureRefusal.tooLarge(bytes: huge.count)) { try PictureProcessor.process(huge) }
    }

    @Test("any prefix of a real picture is either refused or made into pictures, never a crash")
    func prefixes() throws {
        let bytes = try Self.fixture("wide.jpg")
        var refused = 0
        for length in stride(from: 0, to: bytes.count, by: 7919) {
            do { _ = try PictureProcessor.process(Array(bytes.prefix(length))) } catch { refused += 1 }
        }
        #expect(refused > 0)
    }
}
