import Testing

@testable import GlossaryKit

@Suite("Input errors")
struct InputErrorTests {
    /// The printed line and the character above the caret.
    private func shown(_ error: InputError) -> (line: String, pointed: Character?) {
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count == 3 else { return ("", nil) }
        let caret = lines[2].count - 1
        let characters = Array(lines[1])
        return (lines[1], caret < characters.count ? characters[caret] : nil)
    }

    @Test func aShortLineIsPrintedWhole() {
        let error = InputError("bad", file: "a.yml", line: 2, column: 5, in: "first\nabc X def\n")
        #expect(error.description == "a.yml:2:5: error: bad\nabc X def\n    ^")
    }

    @Test func aLongLineIsPrintedAsAWindowAroundTheColumn() {
        for column in [1, 2, 59, 61, 62, 500, 5_000, 9_999, 10_000] {
            var scalars = Array(repeating: Character("a"), count: 10_000)
            scalars[column - 1] = "X"
            let error = InputError("bad", file: "a.json", line: 1, column: column, in: String(scalars))
            let (line, pointed) = shown(error)
            #expect(pointed == "X", "column \(column)")
            #expect(line.count <= 2 * InputError.windowContext + 3, "column \(column)")
            #expect(line.hasPrefix("…") == (column > InputError.windowContext + 1), "column \(column)")
            #expect(line.hasSuffix("…") == (column < 10_000 - InputError.windowContext), "column \(column)")
        }
    }

    @Test func aColumnAtTheEndOfALongLineKeepsTheCaretAfterIt() {
        let text = String(repeating: "b", count: 1_000)
        let error = InputError("unexpected end", file: "a.json", line: 1, column: 1_001, in: text)
        let (line, pointed) = shown(error)
        #expect(pointed == nil)
        #expect(line.hasPrefix("…") && !line.hasSuffix("…"))
    }

    @Test func controlCharactersArePrintedAsSpacesAndTheCaretStaysInPlace() {
        // Lines the tool counts at LF only may hold CR, NEL, LS, PS or an escape character.
        let text = "a:\r  b: 1\u{85}\u{1B}[31m c\u{2028}\td"
        let column = Array(text.unicodeScalars).firstIndex(of: "d")! + 1
        let error = InputError("bad", file: "a.yml", line: 1, column: column, in: text)
        let (line, pointed) = shown(error)
        #expect(pointed == "d")
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" })
        #expect(line.contains("\t"))
    }
}
