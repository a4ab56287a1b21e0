"""The English quotation rules, by id, each with an invented example: how a quotation is
attributed (from its own sentence, then from around it), how its speaker mention is
resolved to a name, and what kind it is. Each quotation records the ids of the rules that
read it (`Quote.rules`, not in the record); each row of tests/data/attribution.jsonl names
one. Where a rule means what a rule of the other languages means
(`quotes.languages.attribute.RULES`), it has the same id."""

#: the rules, by id, each with an invented example
RULES = {
    # attribution after the quotation (`patterns.after_quote`)
    "after_subject": "“We will win,” Osei said. / “We will win,” he said.",
    "after_inverted": "“We will win,” said Osei. / “We will win,” said the minister.",
    "preposition": "“We will win,” according to Osei. / According to Osei, “we will win.”",
    "quoted_as_saying": "“We will win,” the agency quoted Osei as saying.",
    "after_dash": "“We will win” — Clara Osei, on Monday.",
    "speaker_and_verb": "“Are you sure?” Osei pressed. / “Never!” beamed Clara Osei.",
    "sentence_final": "“We will win” if the vote is held soon, said Osei, a minister.",
    # attribution before the quotation (`patterns.before_quote`)
    "before_colon": "Osei said: “We will win.”",
    "before_subject": "Osei said the party would “win outright.”",
    "before_inverted": "Said Osei: “We will win.” / Asks union chief Jo Reyes, “Why not?”",
    "participle_subject": "Osei released an ad calling it “a fair plan.”",
    "document_issuer": "Acme Corp issued a statement saying it was “deeply sorry.”",
    "relative_who": "Reporters met Osei, who said the plan was “fair.”",
    "joined_verb": "Osei rose - she called it “weak” and said it was “too late.”",
    "reporting_cue": "Osei said she was sure Reyes would prove “a fair partner.”",
    "clause_subject": "Osei took the stage and called the plan “a disgrace.”",
    "opening_group": "Residents of the estate gathered outside and said: “We are angry.”",
    "label": "Osei: “We will win.” / Pollsters agree - Jo Reyes: “It is close.”",
    "sentence_subject": "Osei worried that the budget was becoming “a blank cheque.”",
    # attribution from around the quotation (`attribute`, `inherit`)
    "signature": "“We will win.” / - Clara Osei.",
    "introduced_document": "The full statement from Acme Corp: / “We are deeply sorry.”",
    "split_quotation": "“We will win,” Osei said, “and soon.” (the second part: hers)",
    "continuation": "“We will win,” Osei said. “It is a fair plan.” (the second: hers)",
    "previous_sentence": "Osei spoke on Monday. “We will win.”",
    # who a mention refers to (`resolve`)
    "resolve_surname": "Osei, after Finance Minister Clara Osei: Clara Osei",
    "resolve_pronoun": "she, after Clara Osei and Tom Berg: Clara Osei",
    "resolve_role": "the minister, after Finance Minister Clara Osei: Clara Osei",
    "resolve_description": "the veteran goalkeeper, after “Jo Reyes, a veteran goalkeeper,”",
    "resolve_description_nearby": "“We will close the bridge,” the county engineer said, "
    "with “Jo Hart, the county engineer,” a paragraph away: Jo Hart",
    "resolve_description_by_quote": "Osei’s rival called the plan “a blank cheque”; below, "
    "“It is a blank cheque,” said Tom Berg: Tom Berg",
    "resolve_organisation": "the company, it, after Acme Corp: Acme Corp",
    "resolve_issuer": "the statement, after “a statement from Acme Corp”: Acme Corp",
    "resolve_owner": "His office, Osei’s office: Clara Osei’s office",
    "resolve_byline": "I, in an article by Jo Reyes: Jo Reyes",
    "resolve_described_pronoun": "she, after “said the woman, who spoke anonymously”",
    "resolve_unattributed_paragraph": "a paragraph-long quotation after a paragraph on Osei",
    "crowd_not_speaker": "Osei spoke to a crowd chanting “four more years” (no speaker)",
    # what kind a quotation is (`inherit.classify`)
    "names_a_title": "Osei said on “Meet the Press” that ... / Osei’s “Morning Briefing”",
    "title": "Osei starred in “Orange Is the New Black.”",
    "headline_byline": "“Budget passes,” by Times’ Jo Reyes (a newsletter's story)",
    "scare_quote": "the so-called “fair plan” (a few words no one is said to say: --all)",
    "partial": "Osei called the plan “fair to families” (a phrase inside a sentence)",
    # reported speech without marks (--indirect)
    "indirect_complementizer": "Osei said that the vote would be close.",
    "indirect_reported": "Osei said the vote would be close.",
}
