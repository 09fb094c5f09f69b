import Foundation
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
        let parts = date.local.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).compactMap { Int($0) }
        guard parts.count >= 5, (1...12).contains(parts[1]) else { return date.day }
        let (year, month, day, hour, minute) = (parts[0], parts[1], parts[2], parts[3], parts[4])
        let time = withTime && date.hasTime ? String(format: ", %02d:%02d", hour, minute) : ""
        switch language {
        case .en: return "\(day) \(englishMonths[month - 1]) \(year)\(time)"
        case .ru: return "\(day) \(russianMonths[month - 1]) \(year)\(time)"
        case .kk: return "\(year) жылғы \(day) \(kazakhMonths[month - 1])\(time)"
        }
    }
}
