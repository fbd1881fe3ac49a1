import Foundation

/// Gathers the compound parts of each language of a glossary (`CompoundParts.Builder`) from the
/// forms the first pass of compiling tokenizes, on a helper thread while the compiling thread
/// goes on tokenizing (`CompiledGlossary.init`), or on the compiling thread itself.
///
/// The known parts are a set: the order their words arrive in changes nothing of what
/// `CompoundParts` answers, so they may be gathered a chunk behind the tokenizer.
final class CompoundPartsGatherer: @unchecked Sendable {
    // Unchecked: `submitted`, `rules`, `isFinished` and `isHelperDone` are only touched with
    // `condition` locked; `builders` belongs to the helper thread while it runs and to the
    // compiling thread once `finish` has seen the helper end (under the lock, which orders the
    // helper's writes before the compiling thread's reads), or to the compiling thread alone
    // when there is no helper.
    private let condition = NSCondition()
    private var submitted: [[TokenizedForm]] = []
    /// The compound rules of the languages seen so far, by `TokenizedForm.language`.
    private var rules: [CompoundRules] = []
    private var isFinished = false
    private var isHelperDone = false
    private var builders: [CompoundParts.Builder] = []
    private let hasHelper: Bool

    /// A gatherer that works on a helper thread when `helper` is true.
    init(helper: Bool) {
        hasHelper = helper
        guard helper else { return }
        let thread = Thread { [self] in gatherOnHelper() }
        thread.start()
    }

    /// Adds the words of `forms`, whose languages have the compound rules `rules` (by index),
    /// to the parts: later on the helper thread, or now.
    func submit(_ forms: [TokenizedForm], rules: [CompoundRules]) {
        guard hasHelper else {
            gather(forms, rules: rules)
            return
        }
        condition.lock()
        submitted.append(forms)
        self.rules = rules
        condition.broadcast()
        condition.unlock()
    }

    /// The parts of each language, by index, once every form submitted has been gathered.
    func finish() -> [CompoundParts] {
        if hasHelper {
            condition.lock()
            isFinished = true
            condition.broadcast()
            while !isHelperDone { condition.wait() }
            condition.unlock()
        }
        return builders.map { $0.finish() }
    }

    private func gatherOnHelper() {
        while true {
            condition.lock()
            while submitted.isEmpty, !isFinished { condition.wait() }
            if submitted.isEmpty {
                isHelperDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = submitted, rules = self.rules
            submitted = []
            condition.unlock()
            for forms in batch { gather(forms, rules: rules) }
        }
    }

    /// Adds every folded word of `forms`, and its bare form when it differs, to its language's
    /// parts.
    private func gather(_ forms: [TokenizedForm], rules: [CompoundRules]) {
        while builders.count < rules.count { builders.append(CompoundParts.Builder(rules: rules[builders.count])) }
        for form in forms {
            for token in form.tokens {
                builders[form.language].addKnown(token.folded)
                // Most words have no accent: their bare form is the folded one.
                if token.bare != token.folded { builders[form.language].addKnown(token.bare) }
            }
        }
    }
}
