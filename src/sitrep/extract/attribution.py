"""Attributions: who says what, found once per article on the dependency parse.

An attribution is a reporting verb (a lemma in the sourcing lexicon) with its subject as the
speaker and its complement as what is reported ("Lavrov said Moscow is ..."; "..., the
people said"; "“...,” said Sergei Markov"; a phrasal cue, "“...,” Trump fired back"), or
"according to X" ("in X's words"). Cues come in classes (`reporting_verbs.tsv`): speech and
writing report words; thought, belief and estimate report a view, and finding verbs what was
found or shown (only their own complement, never a quote beside them); "quoted X as saying"
names X. A sentence that only names who spoke ("“We got her!” Officers shouted.") reports
the quote just before it. The speaker may follow the verb ("“Are you serious?” asked
Trump", however parsed), stand before a participle set off by commas ("Whitfield, asked
whether …, said") or control a gerund after a preposition ("by pledging to …"). Pronoun
speakers are what `reference.py` resolves them to, and an issued statement speaks for its
issuer; a relative pronoun is the noun its clause describes ("a refugee who ... said"). Only people
and bodies speak: "you", "it" or a "he" with nothing to stand for is no source, and "I" or
"we" outside quote marks is the writer (the outlet).
Quotes and claims are both built from these, so the parse is read once (cached on the Doc).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitrep.annotate.mentions import MentionIndex
from sitrep.doc_cache import once_per_doc
from sitrep.extract.quote_marks import CLOSING_MARKS, OPENING_MARKS, QuoteMarks, quote_marks_of
from sitrep.extract.reference import (
    NAME_MODIFIERS,
    References,
    collective_nouns,
    described_as_person,
    issued,
    party_member,
    quantifies_everyone,
    resolve_references,
)
from sitrep.extract.sourcing import (
    SpeakerEvidence,
    classify_source,
    find_channel,
    head_word,
    lexicon,
    names_people,
)
from sitrep.records import PARAGRAPH_SEPARATOR, Actor, ActorKind, Article, Source, SourceType

_CACHE_KEY = "sitrep.extract.attributions"
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
_NOUNS = {"NOUN", "PROPN", "PRON"}
# How a reporting verb without its own subject borrows one: "took to X to say",
# "issued a statement ... saying", "couldn't comment, but said".
_BORROWS_SUBJECT = {"xcomp", "advcl", "conj"}
_CONTENT_DEPS = {"ccomp", "parataxis"}
# Cue classes that may close a sentence as a mistagged noun ("…, police allege."), and the
# words of a bare noun phrase that may speak there ("two senior officials").
_TRAILING_CUES = {"speech", "writing", "thought", "belief", "estimate"}
_TRAILING_SPEAKER_WORDS = 4
_NOUN_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
# What modifies a noun and never a verb: "a point", "his point", "a good point", "two points".
_NOUN_MODIFIERS = {"det", "poss", "amod", "nummod", "compound"}
# How a verb hangs in a noun or prepositional phrase: "lawmakers defending", "before saying".
_PHRASE_VERBS = {"acl", "pcomp"}
# A verb with an object reports that object, not a quote next to it ("Trump sent a message").
_OBJECTS = {"dobj", "dative"}
# The last letter of a verb's inflection by its tag: -s/-es, -d/-ed.
_INFLECTION_ENDS = {"VBZ": "s", "VBD": "d", "VBN": "d"}
# Verbs that give a speaker's name "as": "gave his name as", "identified as", "named as".
_NAME_GIVING_VERBS = {"give", "identify", "name"}
# A dateline ends at a dash: "BEIRUT -", "CAMP MURRAY, Wash. —".
_DASHES = {"-", "—", "–"}
_MARKS_AND_SPACE = "".join(OPENING_MARKS | CLOSING_MARKS) + " "
# How words modify a verb without being what it reports: "respond “in due course”".
_MODIFIER_DEPS = {"prep", "advmod", "npadvmod"}
# spaCy's labels for places: "Tehran", "the Gulf", "Khmeimim airbase".
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Relative pronouns ("a refugee who ... said"): the speaker is the noun the clause describes.
_RELATIVE_TAGS = {"WP", "WDT"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
# Words for a share of a group: "one of the aides" speaks for the aides' kind.
_QUANTIFIERS = {"one", "some", "many", "several", "most", "all", "few", "none", "each", "both"}
# "many in the party", "some at the agency": people of a place or body.
_AMONG = {"in", "among", "at", "within", "inside", "across"}
# Prepositions that deny the act of the gerund after them: "without saying", "instead of".
_NEGATING_PREPOSITIONS = {"without", "instead"}
# The writer speaking outside quote marks: the outlet vouches.
_WRITER = {"i", "we"}
# Cue classes that report words; the others report a view and take only their complement.
SPEECH_CUES = {"speech", "writing", "naming", "manner", "topic"}
# Cues whose report the source vouches for: words, "according to", and a finding ("the study
# found that …"); the others (thought, belief, estimate) report a view and hedge it.
ASSERTING_CUES = SPEECH_CUES | {"according", "finding"}
NAMING_CUE = "naming"
# Sounds that may carry words ("“…,” he laughed") but alone react to them ("The members laughed."):
# they report a quote in their own sentence, never the one before.
_MANNER = "manner"
# Cues of words spoken aloud: their subject beside a quote is someone ("the angel tells him"),
# where the subject of a written quote ("reads the description") is a text.
_ALOUD = {"speech", _MANNER}
_AS_SAYING = "as_saying"
# "found that …": only a that-clause is a finding ("found her hiding" is a search).
_FINDING = "finding"
# "talked about how …": only a clause after "about" is what was said; no quote beside it.
_TOPIC = "topic"
# What a verb of talking is about: "talked about the budget", "spoke of reform".
_TOPIC_PREPOSITIONS = {"about", "of"}
# A verb that puts out a document ("released a statement") writes what it quotes, and only that.
_ISSUING = "writing"
# Verbs of a clause that describes its subject: before a colon, it introduces their words.
_DESCRIBING_VERBS = {"be", "have"}
# What a verb says of its own beyond naming who spoke: "is signaling [his willingness]".
_OWN_WORDS = {"dobj", "dative", "ccomp", "xcomp", "conj", "advcl", "acomp", "attr", "oprd"}
# A view is reported in its clause or infinitive ("expects to win").
_VIEW_CONTENT_DEPS = {"ccomp", "xcomp"}


@dataclass(slots=True)
class Attribution:
    """One reporting act: a source, the words naming it, and what it reports."""

    sentence: int  # index into Article.sentences
    start: int  # the reporting words: speaker and verb ("a war monitor said")
    end: int
    content_start: int  # what is reported
    content_end: int
    source: Source
    channel: str | None
    cue: str  # the cue's class: speech, writing, thought, belief, estimate, or "according"
    cue_token: int  # the Doc index of the cue word (the verb, or "according")

    @property
    def speech(self) -> bool:
        """A verb of saying or writing (an indirect quote), not a view or "according to"."""
        return self.cue in SPEECH_CUES

    @property
    def asserts(self) -> bool:
        """The source vouches for what it reports (words, a finding), not only a view."""
        return self.cue in ASSERTING_CUES

    @property
    def trailing(self) -> bool:
        """The attribution follows everything it reports: "..., the people said."""
        return self.content_end <= self.start


@dataclass(frozen=True, slots=True)
class Attributions:
    """Every attribution of one article in text order, with its quoted passages."""

    items: list[Attribution]
    quote_marks: list[QuoteMarks]

    def in_sentence(self, sentence: int) -> list[Attribution]:
        return [a for a in self.items if a.sentence == sentence]


def find_attributions(article: Article, doc: Doc) -> Attributions:
    """The article's attributions, computed once per Doc and shared by quotes and claims."""
    return once_per_doc(doc, _CACHE_KEY, lambda: _Finder(article, doc).run())


class _Finder:
    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.body = article.body
        self.mentions = MentionIndex(article)
        self.quote_marks = quote_marks_of(self.body, doc)
        self._quote_starts = [q.start for q in self.quote_marks]
        self.found: list[Attribution] = []
        self.references: References = resolve_references(article, doc)
        self.words = lexicon()  # read at every token

    def run(self) -> Attributions:
        for number, sentence in enumerate(self.article.sentences):
            span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            found = len(self.found)
            for token in span:
                if self._quoted(token.idx):
                    continue
                attribution = self._from_token(token, span, number)
                if attribution is not None:
                    self.found.append(attribution)
            if len(self.found) == found and (lead := self._colon_lead(span, number)):
                self.found.append(lead)
        return Attributions(self.found, self.quote_marks)

    def _colon_lead(self, sentence: Span, number: int) -> Attribution | None:
        """ "Sen. John Thune was more cautious: “We'll see …”", "Trump had a message for
        them: “…”", "His answer was blunt: “…”": with no reporting verb in the sentence, a
        clause that says what a person (or a person's words) is or has, ended by a colon,
        introduces the quote right after it as that person's words. Another verb there ("She
        apologizes to her family: “…”") may lead into lyrics or a text read out."""
        for colon in sentence:
            if colon.text != ":" or self._quoted(colon.idx):
                continue
            content = self._quote_after(colon)
            clause = colon.head
            # The parse may hang the clause before the colon on the quote's verb after it.
            clause = next(
                (c for c in clause.children if c.dep_ == "ccomp" and c.i < colon.i), clause
            )
            subjects = [
                c
                for c in clause.children
                if c.dep_ == "nsubj" and c.i < colon.i and _within(c, sentence)
            ]
            if content is not None and (document := self._document_words(colon, number, content)):
                return document
            if (
                content is None
                or clause.i > colon.i
                or clause.lemma_ not in _DESCRIBING_VERBS
                or not subjects
            ):
                return None
            subject = subjects[0]
            if not self._names_someone(subject):
                # "Trump's response was swift: “…”": words of someone's are theirs.
                owners = [c for c in subject.children if c.dep_ == "poss"]
                if subject.lemma_.lower() not in self.words.utterance_nouns or not owners:
                    return None
                subject = owners[0]
            phrase = [t for t in subject.subtree if _within(t, sentence) and t.dep_ != "case"]
            source = self._source(subject, phrase, content)
            if source is None:
                return None
            return _spoken(number, [*phrase, clause], content, source, clause)
        return None

    def _document_words(
        self, colon: Token, number: int, content: tuple[int, int]
    ) -> Attribution | None:
        """ "the website, which contains the following statement: “…”", "He left a note:
        “…”": a document named right before a colon, the object of its verb, introduces its
        words; they are its writer's when the verb's subject names someone, else the
        document's."""
        document = colon.doc[colon.i - 1] if colon.i > 0 else colon
        if document.dep_ != "dobj" or document.lemma_.lower() not in self.words.documents:
            return None
        verb = document.head
        writer = next(
            (c for c in verb.children if c.dep_ == "nsubj" and self._names_someone(c)), None
        )
        speaker = document if writer is None else writer
        phrase = [t for t in speaker.subtree if t.i < colon.i]
        source = self._source(speaker, phrase, content)
        if source is None:
            return None
        return _spoken(number, [*phrase, verb], content, source, verb)

    def _quoted(self, offset: int) -> bool:
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and self.quote_marks[i].start <= offset < self.quote_marks[i].end

    def _from_token(self, token: Token, sentence: Span, number: int) -> Attribution | None:
        # Asked of every token: its words and part of speech are read once (each read decodes anew).
        lower, lemma, part_of_speech = token.lower_, token.lemma_.lower(), token.pos_
        if lower == "according" and token.i + 1 < len(self.doc):
            return self._according_to(token, sentence, number)
        if lower == "words" and token.dep_ == "pobj" and token.head.lower_ == "in":
            return self._in_words_of(token, sentence, number)
        verbs = self.words.reporting_verbs
        cue = verbs.get(lemma) or verbs.get(_with_particle(token))
        if cue is None and lower[-1:] == _INFLECTION_ENDS.get(token.tag_):
            # "which hopes his influence will help", "hoped", "texted": the lemmatiser made
            # them "hop", "texte"; the form less its -s/-es, -d/-ed is the verb.
            cue = verbs.get(lower[:-1]) or verbs.get(lower[:-2])
        if cue is None and _puts_it(token):
            cue = "speech"
        if cue is None and _issues_document(token):
            # "The BHPD released a statement …: “On April 4 …”": the quote is the statement's.
            cue = _ISSUING
        verb = part_of_speech in {"VERB", "AUX"} or _verb_read_as_noun(token)
        if verb and cue == _AS_SAYING:
            return self._quoted_author(token, sentence, number)
        if verb and cue is not None:
            return self._reporting_verb(token, sentence, number, cue)
        if part_of_speech == "NOUN" and cue in _TRAILING_CUES:
            return self._mistagged_trailing_cue(token, sentence, number, cue)
        if part_of_speech == "NOUN" and lemma in self.words.directive_nouns:
            return self._directive_noun(token, sentence, number)
        return None

    def _quoted_author(self, verb: Token, sentence: Span, number: int) -> Attribution | None:
        """ "The senator quoted Lincoln: “A house divided …”", "cited Churchill in his speech:
        “…”": the quote after the colon that ends the verb's phrase holds the words of the
        person quoted, its object, not the quoter's ("quoted X as saying" is read from the
        saying verb)."""
        authors = [c for c in verb.children if c.dep_ == "dobj" and self._names_someone(c)]
        if not authors or any(t.lower_ == "as" for t in verb.subtree):
            return None
        colon = next((t for t in sentence if t.i > verb.i and t.text == ":"), None)
        if colon is None or any(not verb.is_ancestor(t) for t in self.doc[verb.i + 1 : colon.i]):
            return None
        content = self._quote_after(colon)
        phrase = [t for t in authors[0].subtree if _within(t, sentence)]
        source = None if content is None else self._source(authors[0], phrase, content)
        if content is None or source is None:
            return None
        return _spoken(number, [*phrase, verb], content, source, verb)

    def _directive_noun(self, noun: Token, sentence: Span, number: int) -> Attribution | None:
        """ "directives from Xi to “show no mercy”", "Putin's order to withdraw": the one who
        gave it is after "from" or the possessor; the infinitive right after the noun phrase
        is what was asked or promised (the parser may hang it on the main verb)."""
        speakers = [c for c in noun.children if c.dep_ == "poss"] + [
            o
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in {"from", "by"}
            for o in c.children
            if o.dep_ == "pobj"
        ]
        after = noun.right_edge.i + 1
        if not speakers or after >= sentence.end or self.doc[after].lower_ != "to":
            return None
        infinitive = self.doc[after].head
        if infinitive.pos_ != "VERB" or self.doc[after].dep_ != "aux":
            return None
        speaker = speakers[0]
        content = _extent([t for t in infinitive.subtree if t.i >= after and _within(t, sentence)])
        source = self._source(speaker, list(speaker.subtree), content)
        if source is None:
            return None
        return _spoken(number, [*speaker.subtree, noun], content, source, noun)

    def _mistagged_trailing_cue(
        self, cue_word: Token, sentence: Span, number: int, cue: str
    ) -> Attribution | None:
        """ "…, police allege.": a cue at the sentence's end that the tagger took for a noun,
        after a comma and a bare noun phrase, reports what comes before the comma."""
        doc = self.doc
        if any(not doc[i].is_punct for i in range(cue_word.i + 1, sentence.end)):
            return None
        commas = [t.i for t in doc[sentence.start : cue_word.i] if t.text == ","]
        if not commas or not 0 < cue_word.i - commas[-1] - 1 <= _TRAILING_SPEAKER_WORDS:
            return None
        phrase = list(doc[commas[-1] + 1 : cue_word.i])
        if not all(t.pos_ in _NOUN_PHRASE_POS for t in phrase) or phrase[-1].pos_ not in _NOUNS:
            return None
        before = list(doc[sentence.start : commas[-1]])
        source = self._source(phrase[-1], phrase, _extent(before) if before else None)
        if not before or source is None:
            return None
        return Attribution(
            number,
            phrase[0].idx,
            _end_char([cue_word]),
            *_extent(before),
            source,
            None,
            cue=cue,
            cue_token=cue_word.i,
        )

    def _according_to(self, token: Token, sentence: Span, number: int) -> Attribution | None:
        to = self.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if to.lower_ != "to" or not objects:
            return None
        speaker = objects[0]
        start, end = token.idx, _end_char(speaker.subtree)
        content = _outside(sentence, start, end)
        source = self._source(speaker, list(speaker.subtree), content)
        if source is None:
            return None
        channel = find_channel(self.body[start:end])
        return Attribution(
            number, start, end, *content, source, channel, cue="according", cue_token=token.i
        )

    def _in_words_of(self, words: Token, sentence: Span, number: int) -> Attribution | None:
        """ "In Trump's words, the deal was “the greatest ever made”", "in the words of one
        aide": like "according to", the owner of the words reports the rest of the
        sentence."""
        owners = [c for c in words.children if c.dep_ == "poss"] + [
            o
            for c in words.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        if not owners:
            return None
        speaker = owners[0]
        phrase = [t for t in speaker.subtree if t.dep_ != "case"]
        start, end = words.head.idx, _end_char([words, *speaker.subtree])
        content = _outside(sentence, start, end)
        source = self._source(speaker, phrase, content)
        if source is None:
            return None
        return Attribution(
            number, start, end, *content, source, None, cue="according", cue_token=words.i
        )

    def _reporting_verb(
        self, verb: Token, sentence: Span, number: int, cue: str
    ) -> Attribution | None:
        speaker, words = _speaker(verb, sentence)
        if speaker is None:
            return None
        if cue == NAMING_CUE:
            content = self._applied_words(verb) or _described_subject(verb, speaker, sentence)
        elif cue == _TOPIC:
            content = (
                _about_clause(verb, sentence)
                or self._quoted_topic(verb)
                or self._speech_quoted_next(verb, sentence)
            )
        elif cue in SPEECH_CUES:
            content = self._content(verb, speaker, sentence, cue)
        elif cue == _FINDING:
            content = _found_clause(verb, sentence)
        else:
            content = _view(verb, speaker, sentence)
        if content is None:
            return None
        words = [*words, verb]
        start, end = min(t.idx for t in words), _end_char(words)
        phrase = _speaker_phrase(speaker, verb)
        source = self._source(speaker, phrase, content)
        if source is None and cue in _ALOUD and self._utters(speaker, content):
            source = Source(SourceType.ANONYMOUS, self.body[phrase[0].idx : _end_char(phrase)])
        if source is None:
            return None
        channel = find_channel(self._unquoted_text(sentence))
        return Attribution(number, start, end, *content, source, channel, cue=cue, cue_token=verb.i)

    def _content(
        self, verb: Token, speaker: Token, sentence: Span, cue: str
    ) -> tuple[int, int] | None:
        """What the verb reports: its complement, the clause it interrupts, or a quote.

        The quote may begin in an earlier sentence ("“... [again],” Heyward said.") or,
        for a sentence that only names who spoke, end right before it ("“We got her!”
        Officers announced on their radios.").
        """
        # "recalled that he said, “…”": the parse may hang the quote, or the attribution
        # trailing it, anywhere, but a quote that opens right after a reported verb and its
        # comma or colon is what that verb reports.
        if self._reported_clause(verb) and (opened := self._quote_opening_after(verb)):
            return opened
        # The parse may run across a paragraph break: only this sentence's tokens count.
        skip = set(_speaker_phrase(speaker, verb))
        # "The “Gang of Six” criticized …": a nickname in the speaker's words is not what the
        # speaker says.
        named = _extent(list(skip))
        lemma = verb.lemma_.lower()
        complements = [
            c
            for c in verb.children
            if (
                c.dep_ in _CONTENT_DEPS
                or (_infinitive(c) and _reports(lemma, "infinitive"))
                or (_gerund(c) and _reports(lemma, "object"))
            )
            and c not in skip
        ]
        complements += self._clause_on_listener(verb)
        if speaker.dep_ == "pobj":  # passive: "the plan was described by an aide"
            complements += [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECTS]
        if complements:
            tokens = [t for c in complements for t in c.subtree if t not in skip]
            if reported := [t for t in tokens if _within(t, sentence)]:
                return _extent(reported)
        # "the ruler is signaling his willingness …, said the people": a verb with words of its
        # own that another report reports only says what its own clause holds.
        nested = self._reported_clause(verb)
        # The clause the verb interrupts: "The plan, he said, would fail".
        if verb.dep_ in _CONTENT_DEPS and verb.head != verb and not nested:
            skip |= set(verb.subtree)
            clause = [
                t
                for t in verb.head.subtree
                if t not in skip and not t.is_punct and _within(t, sentence)
            ]
            if clause:
                return _extent(clause)
        # A verb inside a noun or prepositional phrase ("spoke before lawmakers defending the
        # budget") or a subordinate clause ("While Kelly fumed about …, Trump told him “…”")
        # reports only in its own phrase, not a quote of another clause; "as saying" after
        # "was quoted" reports the quote beside it.
        start, end = (
            (verb.left_edge.idx, _end_char([verb.right_edge]))
            if nested
            or (verb.dep_ in _PHRASE_VERBS and _quoted_as_saying(verb) is None)
            or _subordinate(verb)
            else (sentence.start_char, sentence.end_char)
        )
        # "maintaining his “tough on China” stance": words quoted inside an object, before
        # the noun they modify, name the thing; only a verb that reports its object ("denied
        # the “absurd” claims") says them.
        modified_objects = (
            []
            if _reports(lemma, "object")
            else [c for c in verb.children if c.dep_ in _OBJECTS and not self._names_someone(c)]
        )
        quotes = [
            q
            for q in self.quote_marks
            if q.start < end
            and q.end > start
            and not (q.start <= verb.idx < q.end)
            and not (nested and self._modifies(q, verb))
            and not (named[0] <= q.start and q.end <= named[1])
            and not any(_inside(q, o) for o in modified_objects)
        ]
        if quotes:
            return quotes[0].start, quotes[-1].end
        if not nested and (after := self._quote_after_colon(verb, sentence)) is not None:
            return after
        # An inverted speaker the parse read as the object ("asked Trump") is no object.
        objects = [c for c in verb.children if c.dep_ in _OBJECTS and c != speaker]
        if objects:
            # Only a verb with a subject of its own: "…, highlighting alarms" reports nothing.
            if not any(c.dep_ == "nsubj" for c in verb.children):
                return None
            if action := self._action_put_to_listener(objects, sentence):
                return action
            # Only listeners ("“Are you running?” a reporter asked Newsom.") leave the verb
            # reporting the quote beside it, as a verb with no object does.
            if not all(self._names_someone(o) for o in objects):
                if not _reports(lemma, "object"):
                    return None
                return self._reported_object(verb, objects, sentence)
        if cue == _MANNER or nested:
            return None
        return (
            self._quote_just_before(sentence)
            or _before_trailing_cue(verb, speaker, sentence)
            or self._quote_opening_next(verb, sentence)
        )

    def _modifies(self, quote: QuoteMarks, verb: Token) -> bool:
        """The quoted words only modify the verb ("said the leader would respond “in due
        course”"): they are the outer reporter's words, not what the verb reports."""
        inside = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if inside is None:
            return False
        roots = [t for t in inside if t.head not in inside and not t.is_punct]
        return bool(roots) and all(t.head == verb and t.dep_ in _MODIFIER_DEPS for t in roots)

    def _utters(self, speaker: Token, content: tuple[int, int]) -> bool:
        """ "“This is the Sikh area,” the angel tells him": whoever speaks a quotation aloud is
        someone, though the noun is on no list of people; a thing or a document is not."""
        words = lexicon()
        lemma = speaker.lemma_.lower()
        # The parse may count the quote's own marks in what the verb reports.
        text = self.body[content[0] : content[1]]
        start = content[0] + len(text) - len(text.lstrip(_MARKS_AND_SPACE))
        end = content[0] + len(text.rstrip(_MARKS_AND_SPACE))
        return (
            speaker.pos_ == "NOUN"
            and speaker.dep_ == "nsubj"
            and lemma not in words.thing_nouns
            and lemma not in words.documents
            and not quantifies_everyone(speaker)
            and any(q.start <= start and end <= q.end for q in self.quote_marks)
        )

    def _reported_clause(self, verb: Token) -> bool:
        """The verb heads the clause a reporting verb above it reports, with a clause,
        predicate or object of its own besides a listener ("… is signaling his willingness
        …, said the people"): what is reported, where "he said" or "she told reporters"
        inside a sentence ("The plan, he said, would fail") only names who spoke."""
        head = verb.head
        return (
            verb.dep_ in _CONTENT_DEPS
            and head != verb
            and head.lemma_.lower() in lexicon().reporting_verbs
            # "“Do you believe that?” asked Trump": a verb of the quoted words does not
            # report the narration the parse hung on it.
            and not (self._quoted(head.idx) and not self._quoted(verb.idx))
            and (
                # "Google said it would appeal": a clause after its reporting verb is what is
                # reported, never a report of the words before it.
                head.i < verb.i
                or any(
                    c.dep_ in _OWN_WORDS and not (c.dep_ in _OBJECTS and self._names_someone(c))
                    for c in verb.children
                )
            )
        )

    def _action_put_to_listener(
        self, objects: list[Token], sentence: Span
    ) -> tuple[int, int] | None:
        """ "warned the president against firing the envoy", "accused the mayor of lying":
        with a person as listener, a preposition after it with an -ing clause is what was
        said about an action."""
        for listener in objects:
            if not self._names_someone(listener):
                continue
            for prep in [*listener.head.children, *listener.children]:
                if (
                    prep.dep_ == "prep"
                    and prep.i > listener.i
                    and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)
                ):
                    tokens = [t for t in prep.subtree if _within(t, sentence)]
                    return _extent(tokens) if tokens else None
        return None

    def _reported_object(
        self, verb: Token, objects: list[Token], sentence: Span
    ) -> tuple[int, int] | None:
        """What a speech verb's object reports ("denied any wrongdoing", "blamed the
        government for the delay"): the object and what the verb says of it; a person
        ("accused him") is whom it is about, not what was said."""
        if any(self._names_someone(o) for o in objects):
            return None
        tokens = [
            t
            for c in verb.children
            if c.dep_ in _OBJECTS or (c.dep_ == "prep" and c.i > verb.i)
            for t in c.subtree
            if _within(t, sentence)
        ]
        return _extent(tokens) if tokens else None

    def _clause_on_listener(self, verb: Token) -> list[Token]:
        """ "told reporters he would resign": the parse hangs the reported clause on the
        listener as a relative clause; one with a subject of its own and no relative word
        ("the man who called", "the officers that arrived") is what was said."""
        return [
            clause
            for listener in verb.children
            if listener.dep_ in _OBJECTS and self._names_someone(listener)
            for clause in listener.children
            if clause.dep_ == "relcl"
            and any(
                c.dep_ == "nsubj" and c.tag_ not in _RELATIVE_TAGS and c.lower_ != "that"
                for c in clause.children
            )
            and not any(c.tag_ in _RELATIVE_TAGS or c.tag_ == "WP$" for c in clause.children)
        ]

    def _names_someone(self, noun: Token) -> bool:
        """A person or people, a crowd or an audience too: the listener, not what was said."""
        if noun.pos_ == "PRON":
            return noun.lower_ not in {"it", "this", "that", "what", "which"}
        actor = self._actor_of(noun)
        lemma = noun.lemma_.lower()
        return (
            names_people(lemma)
            or lemma in collective_nouns()
            or (actor is not None and actor.kind is ActorKind.PERSON)
        )

    def _applied_words(self, verb: Token) -> tuple[int, int] | None:
        """The quoted words a naming verb applies: "called the move “reckless”"."""
        end = _end_char([verb.right_edge])
        inside = [q for q in self.quote_marks if verb.idx < q.start < end]
        return (inside[0].start, inside[-1].end) if inside else None

    def _quote_just_before(self, sentence: Span) -> tuple[int, int] | None:
        """The quote that closes right before the sentence, in the same paragraph."""
        i = bisect_right(self._quote_starts, sentence.start_char) - 1
        if i < 0:
            return None
        quote = self.quote_marks[i]
        gap = self.body[quote.end : sentence.start_char]
        if (
            quote.end > sentence.start_char
            or any(c.isalnum() for c in gap)
            or PARAGRAPH_SEPARATOR in gap
        ):
            return None
        return quote.start, quote.end

    def _quote_opening_next(self, verb: Token, sentence: Span) -> tuple[int, int] | None:
        """ "Rep. Steve Scalise disagreed.¶“This bill is a giveaway.”": a speech verb that
        heads its sentence and reports nothing in it speaks the quote that opens the next
        sentence, in its paragraph or the next, when nothing there attributes that quote."""
        if verb.head != verb and _within(verb.head, sentence):
            return None
        following = next((s for s in self.article.sentences if s.start >= sentence.end_char), None)
        if following is None or self.body[following.start] not in OPENING_MARKS:
            return None
        i = bisect_right(self._quote_starts, following.start)
        if i >= len(self.quote_marks) or not _only_marks(
            self.body[following.start : self.quote_marks[i].start]
        ):
            return None
        quote = self.quote_marks[i]
        # Its own attribution: a reporting verb outside the marks in the sentence it ends.
        last = next((s for s in self.article.sentences if s.start <= quote.end <= s.end), None)
        rest = self.doc.char_span(quote.end, last.end, alignment_mode="expand") if last else None
        verbs = lexicon().reporting_verbs
        if rest is not None and any(
            t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in verbs and not self._quoted(t.idx)
            for t in rest
        ):
            return None
        return quote.start, quote.end

    def _quoted_topic(self, verb: Token) -> tuple[int, int] | None:
        """ "spoke of a “lost decade” for workers": words quoted in what the talk was about
        are the speaker's."""
        phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS]
        for phrase in phrases:
            start, end = phrase.idx, _end_char([phrase.right_edge])
            inside = [q for q in self.quote_marks if start <= q.start and q.end <= end]
            if inside:
                return inside[0].start, inside[-1].end
        return None

    def _speech_quoted_next(self, verb: Token, sentence: Span) -> tuple[int, int] | None:
        """ "Rep. Lois Kent spoke for ten minutes.¶“This bill is …”": a verb of talking with
        no topic of its own names a speech, whose words the quote opening next gives;
        "talked about the budget" says only what it was about."""
        if any(c.dep_ in _OBJECTS or c.lower_ in _TOPIC_PREPOSITIONS for c in verb.children):
            return None
        return self._quote_opening_next(verb, sentence)

    def _quote_after_colon(self, verb: Token, sentence: Span) -> tuple[int, int] | None:
        """ "The governor said in a statement:¶“Today we …”": a report whose sentence ends in
        a colon introduces the quote that opens right after it, in the next paragraph too."""
        last = next((t for t in reversed(sentence) if not t.is_space), None)
        if last is None or last.text != ":" or verb.i >= last.i:
            return None
        # The verb heads its sentence (the parse may hang it on the quote after the break).
        if verb.head != verb and _within(verb.head, sentence) and last.head != verb:
            return None
        return self._quote_after(last)

    def _quote_opening_after(self, verb: Token) -> tuple[int, int] | None:
        """The quote that opens right after the verb, past one comma or colon ("said, “…”")."""
        i = bisect_right(self._quote_starts, verb.idx)
        if i >= len(self.quote_marks) or not opens_after(self.body, verb, self.quote_marks[i]):
            return None
        return self.quote_marks[i].start, self.quote_marks[i].end

    def _quote_after(self, colon: Token) -> tuple[int, int] | None:
        """The quote that opens right after a colon, in its paragraph or the next."""
        i = bisect_right(self._quote_starts, colon.idx)
        if i >= len(self.quote_marks):
            return None
        quote = self.quote_marks[i]
        # Nothing but opening marks may stand between a colon and its quote.
        if not _only_marks(self.body[colon.idx + 1 : quote.start]):
            return None
        return quote.start, quote.end

    def _unquoted_text(self, sentence: Span) -> str:
        chars = list(sentence.text)
        for q in self.quote_marks:
            for offset in range(max(q.start, sentence.start_char), min(q.end, sentence.end_char)):
                chars[offset - sentence.start_char] = " "
        return "".join(chars)

    def _source(
        self, speaker: Token, phrase: list[Token], content: tuple[int, int] | None = None
    ) -> Source | None:
        """The typed source a speaker names; None for words that name nobody, or everybody
        ("any one person", "no official"). Nothing inside the reported content names the
        speaker."""
        if quantifies_everyone(speaker):
            return None
        # "“I feel great,” Trump, 74, said": the parse may hang the quote's closing comma and
        # mark on the speaker; the name is the words within.
        phrase = _within_punctuation(phrase) or phrase
        if _share_of_people_in(speaker) or _those_described(speaker):
            return Source(SourceType.ANONYMOUS, self.body[phrase[0].idx : _end_char(phrase)])
        lower = speaker.lower_
        referent = self.references.of(speaker)
        if referent is not None and (speaker.pos_ == "PRON" or referent.actor_id is not None):
            antecedent = self.doc[referent.token]
            # "Pryor issued a statement. “…,” it said": the statement speaks for its issuer.
            issuer = _issuer(antecedent)
            if issuer is not None:
                return self._source(issuer, list(issuer.subtree))
            if referent.actor_id and self._actor_of(antecedent) is None:
                # Resolved through a surname the tagger missed: the person named in full.
                return Source(SourceType.NAMED_PERSON, referent.name, referent.actor_id)
            evidence = self._evidence(antecedent, _noun_phrase(antecedent))
            if referent.person:  # "His wife, Ama, …  she said": a person, whatever the tagger said
                evidence = replace(evidence, person=True)
            source = classify_source(evidence)
            if source is not None and referent.plural and _coordinated(antecedent):
                # "Warren and Sanders … “…,” they said": all of them speak, typed as the first.
                return replace(source, name=referent.name, actor_id=None)
            return source
        if speaker.pos_ == "PRON":
            if lower in _WRITER:
                return Source(SourceType.OUTLET, self.article.outlet)
            if lower in _PERSON_PRONOUNS:
                # Someone the page names elsewhere (a headline, a caption): a person, unnamed here.
                return Source(SourceType.NAMED_PERSON, speaker.text)
            return None
        given = _name_given_in(phrase)
        if given is not None:
            words = [*(c for c in given.lefts if c.dep_ == "compound"), given]
            return Source(SourceType.NAMED_PERSON, self.body[words[0].idx : _end_char(words)])
        return classify_source(self._evidence(speaker, phrase, content))

    def _appositive_name(self, head: Token, content: tuple[int, int] | None = None) -> Token | None:
        """The name beside a description: "Trump's top adviser, Larry Kudlow" -> Kudlow, and
        "Sachin Pilot, a former federal minister" -> Pilot when the description was chosen.
        Beside a noun for people, a proper noun is that person's name even where the tagger
        found no actor in it ("Eswar Prasad, a trade professor at Cornell"). A place is no
        person's name, nor is a word of the reported content: in "… he's in the Iranian
        capital, Tehran, a person familiar with US policy said" the parse hangs the speaker
        on "Tehran" as its apposition."""
        if head.pos_ == "PROPN" or self._actor_of(head) is not None:
            return None
        person = names_people(head.lemma_.lower())

        def names_the_speaker(name: Token) -> bool:
            reported = content is not None and content[0] <= name.idx < content[1]
            return (
                name.pos_ == "PROPN"
                and (person or self._actor_of(name) is not None)
                and not reported
                and not self._names_a_place(name)
                # "The senator, a Democrat from Virginia": a party member is what, not who.
                and not party_member(name)
                # "The senator, who has watched “House of Cards”": a quoted title names a work.
                and not self._quoted(name.idx)
            )

        for child in head.children:
            if child.dep_ == "appos" and names_the_speaker(child):
                return child
            if (titled := _titled_after_of(child)) is not None and names_the_speaker(titled):
                return titled
            if (renamed := _named_after_a_name(child)) is not None and names_the_speaker(renamed):
                return renamed
        if head.dep_ == "appos" and names_the_speaker(head.head):
            return head.head
        return _listed_after_colon(head) if person else None

    def _names_a_place(self, token: Token) -> bool:
        """A place the article names, or one the tagger labels so, and no person."""
        span = (token.idx, token.idx + len(token))
        actor = self.mentions.actor(*span)
        if actor is not None and actor.kind is ActorKind.PERSON:
            return False
        return self.mentions.place(*span) is not None or token.ent_type_ in _PLACE_LABELS

    def _actor_of(self, token: Token) -> Actor | None:
        return self.mentions.actor(token.idx, token.idx + len(token))

    def _evidence(
        self, speaker: Token, phrase: list[Token], content: tuple[int, int] | None = None
    ) -> SpeakerEvidence:
        # The description stops at the first comma after the head: "Sergei Markov, a consultant".
        description = [t for t in phrase if t.i <= speaker.i or not _after_comma(t, speaker)]
        owner_tokens = [c for c in speaker.children if c.dep_ == "poss"]
        owner = None
        if owner_tokens:
            poss = owner_tokens[0]
            owner = self.mentions.actor(poss.left_edge.idx, _end_char(poss.subtree))
        named = self._appositive_name(speaker, content)
        # "His wife, Ama": the name beside a noun for a person names a person.
        person = named is not None and names_people(speaker.lemma_.lower())
        if named is not None:
            description = [*(c for c in named.lefts if c.dep_ == "compound"), named]
        named = named or _part_of(speaker)
        if named is not None:
            speaker = named
        return SpeakerEvidence(
            head=head_word(speaker),
            description=self.body[description[0].idx : _end_char(description)],
            context=self.body[phrase[0].idx : _end_char(phrase)],
            actor=self.mentions.actor(speaker.idx, speaker.idx + len(speaker)),
            owner=owner,
            proper=speaker.pos_ == "PROPN",
            entity_label=speaker.ent_type_,
            person=person or described_as_person(speaker),
            proper_modifier=any(
                c.dep_ in NAME_MODIFIERS and c.pos_ == "PROPN" for c in speaker.children
            ),
        )


def _spoken(
    number: int, words: list[Token], content: tuple[int, int], source: Source, cue: Token
) -> Attribution:
    """Speech by `source`, its attribution spanning `words` (the speaker's and the cue's),
    with no channel named: what a colon lead, a directive noun and a quoted author report."""
    return Attribution(
        number,
        min(t.idx for t in words),
        _end_char(words),
        *content,
        source,
        None,
        cue="speech",
        cue_token=cue.i,
    )


def opens_after(body: str, cue: Token, quote: QuoteMarks) -> bool:
    """The quote opens right after the cue word, past one comma or colon: "said, “…”",
    "told him: “…”". The words right after "said," are what was said."""
    between = body[cue.idx + len(cue) : quote.start].strip(_MARKS_AND_SPACE)
    return between in {",", ":"}


def _named_after_a_name(prep: Token) -> Token | None:
    """ "a lawyer for Trump, Rudy Giuliani": a name in apposition to the name a preposition
    takes is the head noun's holder, as a name needs no other name to say who it is (after
    "for the family", the name may be the family's)."""
    if prep.dep_ != "prep" or prep.lower_ not in {"for", "to", "of"}:
        return None
    for name in prep.children:
        if name.dep_ == "pobj" and name.pos_ == "PROPN":
            # A person's name, not a party and state ("Rep. Ocasio-Cortez, D-N.Y.").
            apposed = [c for c in name.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
            if apposed:
                return apposed[0]
    return None


def _titled_after_of(prep: Token) -> Token | None:
    """ "chief of detectives Gerard Gigante": a title whose field ("detectives", "staff",
    "police") the parse joined to the name after "of". The name is the title's holder, where
    in "the wife of businessman John Smith" a noun for one person describes someone else."""
    if prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    for name in prep.children:
        fields = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if (
            name.dep_ == "pobj"
            and fields
            and not any(names_people(f.lemma_.lower()) and f.tag_ == "NN" for f in fields)
        ):
            return name
    return None


def _speaker(verb: Token, sentence: Span) -> tuple[Token | None, list[Token]]:
    """The verb's speaker and the words naming it when they stand by the verb.

    The subject, else the agent of a passive ("was described by an aide"), else a subject
    borrowed from the governing verb ("took to X to say", "issued a statement ... saying"),
    else the noun phrase the parser hung elsewhere that ends right before the verb
    ("..., a person familiar with US policy said"). A subject the parse found in another
    sentence (a heading run into the next paragraph) does not count.
    """
    if _subject_parted_by_comma(verb) is not None:
        # "Whitfield, asked whether …, said": "asked" is a participle, its subject the main
        # verb's; who was asked reports nothing by it.
        return None, []
    children = [c for c in verb.children if _within(c, sentence)]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    subjects += [
        parted
        for c in children
        if c.dep_ == "advcl" and (parted := _subject_parted_by_comma(c)) is not None
    ]
    # "“… The end,” Harper said": a second subject, parsed inside the quote, is not the speaker.
    if len(subjects) > 1:
        subjects = [s for s in subjects if not _closing_mark_between(s, verb)] or subjects
    if subjects and not _passive_form(verb):
        subject = _after_dateline(subjects[0])
        antecedent = _relative_antecedent(subject)
        if antecedent is not subject:
            return antecedent, []
        return subject, [t for t in subject.subtree if _within(t, sentence)]
    agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents:
        return agents[0], list(agents[0].subtree)
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted, list(quoted.subtree)
    if main_verb_read_as_participle(verb):
        noun = verb.head
        return noun, [t for t in noun.subtree if t.i < verb.left_edge.i and _within(t, sentence)]
    passive = [c for c in children if c.dep_ in _PASSIVE_SUBJECTS]
    if passive and _has_perfect(verb):
        return passive[0], list(passive[0].subtree)
    if passive or _passive_form(verb):
        return None, []
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head != verb:
        return _described_by_participle(verb.head, verb, sentence)
    objects = _infinitive_under_object(verb)
    if objects and verb.head.lemma_.lower() in lexicon().directive_verbs:
        # "instructed the trade office to consider whether …": a report not yet made.
        return None, []
    if objects and _names_people(objects[0]):
        # "It led White House staffers to believe that …", "prompted several senators to
        # say …": the people moved to report are its subject (object control), not the mover;
        # a thing as object ("used the meeting to say") leaves the subject speaking.
        return objects[0], [t for t in objects[0].subtree if _within(t, sentence)]
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not _has_auxiliary(verb):
        # "Asked about the tweets, she said …": a bare passive participle's subject is who
        # was asked or told, the listener; it reports nothing of its own.
        return None, []
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted, [t for t in inverted.subtree if _within(t, sentence)]
    controlled = _adjunct_gerund_subject(verb, sentence)
    if controlled is not None:
        return controlled, []
    current = verb
    while current.dep_ in _BORROWS_SUBJECT and current.head != current:
        coordinated = current.dep_ == "conj"
        current = current.head
        if coordinated and _reported_clause(current):
            # "The senator said the bill was “dead” and blamed the White House": a speech verb
            # joined to a reported clause is the reporter's second act, not the clause's.
            current = current.head
        subjects = [c for c in current.children if c.dep_ == "nsubj" and _within(c, sentence)]
        if subjects:
            return _relative_antecedent(subjects[0]), []
    stranded = _stranded_subject(verb) or _fronted_name(verb, sentence)
    return (stranded, list(stranded.subtree)) if stranded is not None else (None, [])


def _subject_parted_by_comma(verb: Token) -> Token | None:
    """ "Whitfield, asked whether she would run, said …": the subject the parse gave a verb
    between commas, before a main verb with no subject of its own. A comma never parts a
    subject from its own verb, so the verb between is a participle describing the subject
    and the subject is the main verb's."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i < verb.i or any(c.dep_ == "nsubj" for c in head.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i - 1]
    if not subjects or verb.doc[verb.i - 1].text != ",":
        return None
    return subjects[0]


def _inside(quote: QuoteMarks, noun: Token) -> bool:
    """The quote lies within the noun's phrase and the noun outside it: the quoted words
    modify the noun ("his “tough on China” stance"), they are not the noun itself."""
    start, end = _extent(list(noun.subtree))
    return start <= quote.start and quote.end <= end and not quote.start <= noun.idx < quote.end


def _adjunct_gerund_subject(verb: Token, sentence: Span) -> Token | None:
    """ "The governor raised eyebrows by pledging to …", "After vowing to …, Marsh voted":
    a gerund after a preposition on a verb has that verb's subject (subject control).
    "without saying" and "instead of saying" report what was not said."""
    prep = verb.head
    main = prep.head
    if (
        verb.tag_ != "VBG"
        or verb.dep_ != "pcomp"
        or prep.dep_ != "prep"
        or main.pos_ not in {"VERB", "AUX"}
        or prep.lower_ in _NEGATING_PREPOSITIONS
        or any(c.lower_ in _NEGATING_PREPOSITIONS for c in prep.children)
    ):
        return None
    subjects = [c for c in main.children if c.dep_ == "nsubj" and _within(c, sentence)]
    return _relative_antecedent(subjects[0]) if subjects else None


def _inverted_subject(verb: Token) -> Token | None:
    """ "“Are you serious?” asked Trump": a verb with no subject right after a quote's closing
    mark puts its speaker after it (quotative inversion); the parser may read that speaker
    as the verb's object, the one asked. With a subject before the verb ("the reporter asked
    Newsom") the object is the listener, and that verb never comes here."""
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and doc[before].text == ",":
        before -= 1
    if before < 0 or doc[before].tag_ != "''":
        return None
    # "“…,” notes economist Irene Blum": the parse may read the verb as a word of the name
    # after it.
    if verb.dep_ in _NOUN_MODIFIERS and verb.head.i > verb.i:
        name = verb.head
        while name.dep_ in _NOUN_MODIFIERS and name.head.i > name.i:
            name = name.head
        return name if _names_people(name) else None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1]
    if not objects or not _names_people(objects[0]):
        return None
    return objects[0]


def _fronted_name(verb: Token, sentence: Span) -> Token | None:
    """ "Collins, who co-sponsored a narrower bill, said …": the name that opens the
    sentence before a relative clause set off by commas speaks for the verb right after
    them, where a parse broken inside the clause (a hyphenated verb split in three) hung the
    name on the clause's verb."""
    doc = verb.doc
    words = [t for t in sentence if not t.is_space]
    if verb.head != verb and _within(verb.head, sentence):
        return None
    if not words or words[0].pos_ != "PROPN" or doc[verb.i - 1].text != ",":
        return None
    name = words[0]
    while name.i + 1 < verb.i and doc[name.i + 1].pos_ == "PROPN":
        name = doc[name.i + 1]
    after = name.i + 1
    if after + 1 >= verb.i or doc[after].text != "," or doc[after + 1].lower_ != "who":
        return None
    return name


def _subordinate(verb: Token) -> bool:
    """The verb heads an adverbial clause opened by a subordinator other than "as" ("while",
    "although", "after"): what the main clause quotes is not its own. "As the senator put it,
    “…”" is how news attributes a quote, so "as" keeps it."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ != "as" for c in verb.children
    )


def _infinitive_under_object(verb: Token) -> list[Token]:
    """The objects of the verb that governs this to-infinitive, before it ("asked the
    witness to explain"); none for another verb."""
    head = verb.head
    if (
        head == verb
        or verb.dep_ not in {"xcomp", "advcl"}
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return []
    return [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]


def _names_people(noun: Token) -> bool:
    return (
        noun.ent_type_ == "PERSON"
        or names_people(noun.lemma_.lower())
        or (noun.pos_ == "PRON" and noun.lower_ in {"him", "her", "them", "us", "me"})
    )


def main_verb_read_as_participle(verb: Token) -> bool:
    """ "Mahathir, Asia's longest serving leader …, called the order “tyranny”": after a long
    apposition the parse may leave the sentence without a main verb, rooted on the name, and
    read its past-tense verb as a participle describing it. With the root a noun before it,
    the verb is the sentence's own ("A man called John arrived" keeps its root "arrived")."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBD", "VBN"}
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i < verb.i
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _reported_clause(verb: Token) -> bool:
    """The verb heads the clause a reporting verb reports ("said the bill was …")."""
    return (
        verb.dep_ in _CONTENT_DEPS
        and verb.head != verb
        and verb.head.i < verb.i
        and verb.head.lemma_.lower() in lexicon().reporting_verbs
    )


def _described_by_participle(
    noun: Token, verb: Token, sentence: Span
) -> tuple[Token | None, list[Token]]:
    """ "caste groups demanding that …": the noun speaks; "issued a statement saying …": the
    document's issuer does."""
    if noun.lemma_.lower() in lexicon().documents:
        issuers = [c for c in noun.head.children if c.dep_ == "nsubj" and _within(c, sentence)]
        return (_relative_antecedent(issuers[0]), []) if issuers else (None, [])
    clause = set(verb.subtree)
    return noun, [t for t in noun.subtree if t not in clause and _within(t, sentence)]


def _listed_after_colon(head: Token) -> Token | None:
    """ "two big-name Democratic politicians: Senator Elizabeth Warren and …": the name a
    colon lists right after the description, which the parse hangs elsewhere."""
    doc = head.doc
    colon = head.right_edge.i + 1
    if colon + 1 >= len(doc) or doc[colon].text != ":":
        return None
    name = doc[colon + 1]
    steps = 0
    while name.dep_ == "compound" and name.head.i > name.i and steps < 10:
        name = name.head
        steps += 1
    return name if name.pos_ == "PROPN" and name.dep_ != "compound" else None


def _with_particle(verb: Token) -> str:
    """The verb's lemma with the bare particle right after it ("fired back" -> "fire back",
    "weighed in" -> "weigh in"), or "" when none follows."""
    # Read for every token: the one word that may be the particle is the next, when the verb
    # heads it, so the verb's dependents (costly to walk) are never listed.
    if verb.i + 1 >= len(verb.doc):
        return ""
    after = verb.doc[verb.i + 1]
    if after.head.i != verb.i or not (
        after.dep_ in {"prt", "advmod"}
        or (after.dep_ == "prep" and not any(g.dep_ == "pobj" for g in after.children))
    ):
        return ""
    return f"{verb.lemma_.lower()} {after.lower_}"


def _verb_read_as_noun(token: Token) -> bool:
    """ "The letter, signed by 40 senators, states, “…”": a word tagged a noun that has a
    subject and none of a noun's modifiers is a verb the tagger misread. "made it a point
    to …" is a noun with the subject of its small clause, and its determiner."""
    if token.pos_ != "NOUN":
        return False  # read for every token: the dependents are walked for nouns alone
    children = [c.dep_ for c in token.children]
    return "nsubj" in children and not any(dep in _NOUN_MODIFIERS for dep in children)


def _puts_it(verb: Token) -> bool:
    """ "…,” as the OC Weekly put it", "he put it bluntly": "put it" without a place to put it
    in is a way of saying."""
    if verb.lemma_.lower() != "put":
        return False  # read for every token: the dependents are walked for "put" alone
    children = list(verb.children)
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in children) and not any(
        c.dep_ in {"prep", "prt"} for c in children
    )


def _issues_document(verb: Token) -> bool:
    """A verb of issuing with a subject whose object is a document: "released a statement",
    "issued a report", "put out a memo"; "blocked the bill" acts on one and issues nothing."""
    return any(c.lemma_.lower() in lexicon().documents and issued(c) for c in verb.children)


def _issuer(document: Token) -> Token | None:
    """Who issued a document ("Pryor issued a statement"): its words are theirs."""
    if document.lemma_.lower() not in lexicon().documents or not issued(document):
        return None
    return next(c for c in document.head.children if c.dep_ == "nsubj")


def _after_dateline(subject: Token) -> Token:
    """ "CAMP MURRAY, Wash. - Lt. Col. Ricky Thomas jokes": a dateline parsed as the subject,
    with the real one hung after its dash, gives way to it."""
    dashes = [t.i for t in subject.subtree if t.text in _DASHES and t.i > subject.i]
    first = subject.left_edge
    opens = first.i == 0 or first.doc[first.i - 1].is_space
    if not dashes or not opens or not subject.text.isupper():
        return subject
    after = [c for c in subject.children if c.dep_ == "appos" and c.i > dashes[0]]
    return after[0] if after else subject


def _closing_mark_between(subject: Token, verb: Token) -> bool:
    doc = verb.doc
    return any(doc[i].tag_ == "''" for i in range(subject.i + 1, verb.i))


def _part_of(head: Token) -> Token | None:
    """The people a share of them stands for: "one of the aides", "one of a dozen aides"."""
    if head.pos_ not in {"NUM", "PRON", "ADJ"} and head.lower_ not in _QUANTIFIERS:
        return None
    found = None
    current = head
    for _ in range(3):  # "one of the nearly dozen of White House aides"
        objects = [
            o
            for prep in current.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for o in prep.children
            if o.dep_ == "pobj"
        ]
        if not objects:
            break
        found = current = objects[0]
        if names_people(current.lemma_.lower()):
            break
    return found


def _share_of_people_in(head: Token) -> bool:
    """ "Many in the West Wing", "some at the agency", "others within the party": people of a
    place or body, unnamed."""
    return head.lower_ in _QUANTIFIERS | {"others"} and any(
        c.dep_ == "prep" and c.lower_ in _AMONG and any(o.dep_ == "pobj" for o in c.children)
        for c in head.children
    )


def _those_described(head: Token) -> bool:
    """ "those who fled", "those longing to be reunited", "those close to the president":
    people a clause or an adjective with its complement describes."""
    those = head.lower_ == "those" or any(
        c.dep_ == "det" and c.lower_ == "those" for c in head.children
    )
    return those and any(
        c.dep_ in {"relcl", "acl"}
        or (c.dep_ == "amod" and any(g.dep_ == "prep" for g in c.children))
        for c in head.children
    )


def _passive_form(verb: Token) -> bool:
    """A participle after "be" ("he's believed to be ...") is passive whatever the parse says;
    so is one with a passive auxiliary, whatever its lemma ("he’s believed", curly "’s")."""
    return (
        verb.tag_ == "VBN"
        and not any(c.dep_ in _OBJECTS for c in verb.children)
        and any(
            c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ == "be") for c in verb.children
        )
    )


def _within_punctuation(tokens: list[Token]) -> list[Token]:
    """The tokens less the punctuation and space at either end, and less a bracketed aside
    that ends them ("a spokesman for Sen. Ted Cruz (R-Texas)"): a party or a place in
    brackets glosses a name and is no part of it."""
    words = _strip_punctuation(tokens)
    opened = [i for i, t in enumerate(words) if t.text == "("]
    if opened and not any(t.text == ")" for t in words[opened[-1] :]):
        words = _strip_punctuation(words[: opened[-1]]) or words
    return words


def _strip_punctuation(tokens: list[Token]) -> list[Token]:
    words = [i for i, t in enumerate(tokens) if not (t.is_punct or t.is_space)]
    return tokens[words[0] : words[-1] + 1] if words else []


def _coordinated(head: Token) -> bool:
    return any(c.dep_ == "conj" for c in head.children)


def _only_marks(text: str) -> bool:
    return all(c.isspace() or c in OPENING_MARKS for c in text)


def _has_auxiliary(verb: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _has_perfect(verb: Token) -> bool:
    """ "He's instructed his secretary": 's is "has" when the participle has an object."""
    return any(c.dep_ in _OBJECTS for c in verb.children) and any(
        c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children
    )


def _quoted_as_saying(verb: Token) -> Token | None:
    """The object of "quoted X as saying" / "cited X as saying": X speaks, not the quoter;
    so does the subject of the passive ("X was quoted by the paper as saying")."""
    current = verb
    for _ in range(3):
        if current.head == current:
            return None
        current = current.head
        if lexicon().reporting_verbs.get(current.lemma_.lower()) == _AS_SAYING:
            objects = [c for c in current.children if c.dep_ in {"dobj", "nsubjpass"}]
            return objects[0] if objects else None
    return None


def _reports(lemma: str, complement: str) -> bool:
    """Whether a reporting verb reports this kind of complement (reported_complements.tsv)."""
    return (lemma, complement) in lexicon().reported_complements


def directs_a_listener(doc: Doc, attribution: Attribution) -> bool:
    """A directive to a listener ("ordered his army to fall back", "urged residents to stay
    indoors"): the verb has an object and reports only its to-infinitive. What is ordered is
    no statement about the world; the writer reports that the order was given."""
    cue = doc[attribution.cue_token]
    children = list(cue.children)
    if any(c.dep_ in _CONTENT_DEPS for c in children) or not any(
        c.dep_ in _OBJECTS for c in children
    ):
        return False
    return any(_infinitive(c) and attribution.content_start >= c.left_edge.idx for c in children)


def _infinitive(token: Token) -> bool:
    """A to-infinitive the verb governs: "urged them to keep the peace", "pledged to cut"."""
    return token.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _before_trailing_cue(verb: Token, speaker: Token, sentence: Span) -> tuple[int, int] | None:
    """ "… and closed it, reports the Suffolk Times.": a cue and its speaker after a comma at
    the sentence's end report what comes before, however the parse hung it."""
    words = [*speaker.subtree, verb]
    first, last = min(t.i for t in words), max(t.i for t in words)
    doc = verb.doc
    if first - 1 <= sentence.start or doc[first - 1].text != ",":
        return None
    if any(not doc[i].is_punct for i in range(last + 1, sentence.end)):
        return None
    return _extent(list(doc[sentence.start : first - 1]))


def _described_subject(verb: Token, speaker: Token, sentence: Span) -> tuple[int, int] | None:
    """ "The plan … was described by an aide": a naming verb in the passive reports what its
    subject names, as its agent gave it."""
    if speaker.dep_ != "pobj":
        return None
    tokens = [
        t
        for c in verb.children
        if c.dep_ in _PASSIVE_SUBJECTS
        for t in c.subtree
        if _within(t, sentence)
    ]
    return _extent(tokens) if tokens else None


def _about_a_clause(token: Token) -> bool:
    """ "talked about how the floods destroyed the harvest", "spoke about leaving": a clause
    after "about" is what was said."""
    return (
        token.dep_ == "prep"
        and token.lower_ == "about"
        and any(c.dep_ == "pcomp" and c.pos_ in {"VERB", "AUX"} for c in token.children)
    )


def _about_clause(verb: Token, sentence: Span) -> tuple[int, int] | None:
    """What a verb of talking reports: its clause after "about" only."""
    tokens = [
        t for c in verb.children if _about_a_clause(c) for t in c.subtree if _within(t, sentence)
    ]
    return _extent(tokens) if tokens else None


def _gerund(token: Token) -> bool:
    """A verb's -ing complement: "denied taking the money", "admitted lying"."""
    return token.dep_ == "xcomp" and token.tag_ == "VBG"


def _view(verb: Token, speaker: Token, sentence: Span) -> tuple[int, int] | None:
    """What a verb of thought, belief or estimate reports: its own clause or infinitive only.
    The speaker's words are no part of it, less the relative clause that holds the verb
    ("investors who fear that …")."""
    skip = set(_speaker_phrase(speaker, verb))
    tokens = [
        t
        for c in verb.children
        if c.dep_ in _VIEW_CONTENT_DEPS
        for t in c.subtree
        if t not in skip and _within(t, sentence)
    ]
    return _extent(tokens) if tokens else None


def _found_clause(verb: Token, sentence: Span) -> tuple[int, int] | None:
    """What a finding verb reports: its clause opened by "that" ("found that …"), or a
    verdict, a small clause of a named subject and an adjective ("the court found them
    guilty"; not "found it hard", where "it" names nothing found)."""
    tokens = [
        t
        for c in verb.children
        if c.dep_ == "ccomp" and (_opened_by_that(c) or _verdict(c))
        for t in c.subtree
        if _within(t, sentence)
    ]
    return _extent(tokens) if tokens else None


def _opened_by_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _verdict(clause: Token) -> bool:
    return clause.pos_ == "ADJ" and any(
        c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"} for c in clause.children
    )


def _noun_phrase(head: Token) -> list[Token]:
    """The words of a noun phrase less its clauses ("a man who ... " -> "a man")."""
    clauses = {t for c in head.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    return [t for t in head.subtree if t not in clauses]


def _name_given_in(phrase: list[Token]) -> Token | None:
    """ "one man, who gave his name only as Karim", "a woman identified only as Ana Ruiz", "a
    farmer who asked to be identified by his first name, Musa": the name an unnamed speaker's
    phrase gives names the speaker ("known as" gives a nickname of someone named)."""
    for token in phrase:
        head = token.head
        if token.pos_ != "PROPN":
            continue
        if (
            token.dep_ == "pobj"
            and head.lower_ == "as"
            and head.head.lemma_.lower() in _NAME_GIVING_VERBS
        ) or (token.dep_ == "appos" and head.lemma_.lower() == "name"):
            return token
    return None


def _speaker_phrase(speaker: Token, verb: Token) -> list[Token]:
    """The words naming the speaker, less the relative clause that holds the verb, and less
    a reported clause the parse hung on the name before it, with its marks ("“We’re
    ready,” Hollis, the Kentucky Republican, told reporters": a name has no clause before it)."""
    clauses = [
        c
        for c in speaker.children
        if verb in c.subtree or (c.dep_ in _CONTENT_DEPS and c.i < speaker.i)
    ]
    inside = {t for c in clauses for t in c.subtree}
    return _strip_punctuation([t for t in speaker.subtree if t not in inside]) or [speaker]


def _relative_antecedent(subject: Token) -> Token:
    """For a relative pronoun, the noun its clause describes ("a refugee who ... said")."""
    if subject.tag_ not in _RELATIVE_TAGS:
        return subject
    clause = subject.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else subject


def _stranded_subject(verb: Token) -> Token | None:
    """The noun phrase between a comma and the verb, however the parse hung it: "…, a person
    familiar with US policy said". An apposition is a noun phrase even where its head is
    tagged an adjective ("an official close to the government")."""
    if verb.i == verb.sent.start:
        return None
    token = verb.doc[verb.i - 1]
    while token.right_edge.i == verb.i - 1 and token.head != token:
        left = token.left_edge.i
        nominal = token.pos_ in _NOUNS or token.dep_ == "appos"
        if nominal and left > 0 and verb.doc[left - 1].text == ",":
            return token
        token = token.head
    return None


def _after_comma(token: Token, head: Token) -> bool:
    doc = token.doc
    return any(doc[i].text == "," for i in range(head.i + 1, token.i + 1))


def _end_char(tokens) -> int:  # type: ignore[no-untyped-def]
    return max(t.idx + len(t) for t in tokens)


def _within(token: Token, sentence: Span) -> bool:
    return sentence.start <= token.i < sentence.end


def _extent(tokens: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), _end_char(tokens)


def _outside(sentence: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence less the attribution words, as a (start, end) range."""
    if start - sentence.start_char >= sentence.end_char - end:
        return sentence.start_char, start
    return end, sentence.end_char
