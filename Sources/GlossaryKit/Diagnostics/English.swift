/// The small pieces of English grammar that messages and help texts need, in one place so that
/// every message gets them right: a count with its noun in the right number, and lists.
package enum English {
    /// `1 file`, `2 files`, `0 files`: `count` followed by `noun`, or by `plural` (default:
    /// `noun` + "s") when `count` is not 1.
    package static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }

    /// `a`, `a or b`, `a, b or c`: `items` joined with commas and `conjunction` ("or", "and")
    /// before the last.
    package static func list(_ items: [String], _ conjunction: String) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
