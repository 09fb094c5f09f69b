import EnbekshiCore

/// Publication dates as readers of each edition write them. gov.kz times are Kazakhstan wall time
/// and are shown as they are, never shifted.
public enum DateText {
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    /// Russian months in the genitive, as in «18 декабря 2025».
    static let russianMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
        "декабря",
    ]
    static let kazakhMonths = [
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
        "желтоқсан",
    ]

    public static func format(_ date: GovKzDate, in language: Language, withTime: Bool = true) -> String {
        // `local` is always `YYYY-MM-DDTHH:MM:SS` (GovKzDate builds it), so read it by position.
        let bytes = Array(date.local.utf8)
        guard bytes.count >= 16 else { return date.day }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] &- 48) } }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard (1...12).contains(month) else { return date.day }
        // Foundation's String(format:) is slow on Linux; the hour and minute are copied as written.
        let time = withTime && date.hasTime ? ", " + String(decoding: bytes[11..<16], as: UTF8.self) : ""
        switch language {
        case .en: return "\(day) \(englishMonths[month - 1]) \(year)\(time)"
        case .ru: return "\(day) \(russianMonths[month - 1]) \(year)\(time)"
        case .kk: return "\(year) жылғы \(day) \(kazakhMonths[month - 1])\(time)"
        }
    }
}
