"""Claims: the body split into sentences (or clauses), each with its source and certainty.

A sentence takes the source of its own attribution; a sentence that carries two
attributions from different sources is split into one claim per attribution. A
sentence inside an attributed quotation takes the quote's source. A paragraph that
closes with a trailing attribution ("..., the people said.") lends it to the
unattributed sentences before it. What nobody is cited for, the outlet asserts.
Hedge phrases make a claim HEDGED, denial phrases DENIED (both from the lexicon); so do a
modal verb ("could cut", "may", "would"), a condition ("if"), and a view rather than a
statement as its attribution ("analysts expect", "officials believe"). A report inside a
relative clause, or a view the writer only guesses at ("may still believe"), does not source
its sentence; a report by the noun a relative clause describes ("investors who fear that
…") is cut out of it as that noun's claim, the rest the writer's. A section heading (a
short paragraph with no sentence end: "Back Channels", "He said, she said") is no claim,
nor is an order ("Click here for more information.", "Subscribe now"), a short fragment with no verb
("12 issues for £11.99."), or a question ("Is streaming the future of gaming?", an
interview's "Q: Where did you grow up?"): it asks, it does not state. Nor is a table's row
("| LB | Joe Schobert | 74 | 100% |", as the reader lays out a table's cells): data, not a
sentence anyone says. A sentence that is
only the report of words said in another ("an officer shouts.", "she wrote in her
letter." after a quote the splitter cut off) is no claim either; its source goes to the
paragraph as a closing attribution does.

A post embedded in a page (a tweet) closes with its signature paragraph, "— Name (@handle)
date": the signature is no claim, and the short paragraphs just before it, the post's
text, are the poster's claims, not the outlet's.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sitrep.annotate.mentions import MentionIndex
from sitrep.doc_cache import doc_text, token_lowers
from sitrep.extract.attribution import (
    Attribution,
    Attributions,
    directs_a_listener,
    find_attributions,
    main_verb_read_as_participle,
)
from sitrep.extract.quotes import quoted_passages
from sitrep.extract.sourcing import lexicon, normalise_for_matching
from sitrep.records import (
    PARAGRAPH_SEPARATOR,
    ActorKind,
    Article,
    Certainty,
    Claim,
    Sentence,
    Source,
    SourceType,
)

# A sentence this much inside a quotation is the quoted speaker's claim.
QUOTED_SHARE = 0.8
# Modal verbs that make what they govern possible, not asserted.
_HEDGING_MODALS = {"could", "may", "might", "would"}
# A modal on a reporting verb that makes its words a forecast: "will deplore", "would argue".
_FORECASTS = {"will", "would", "may", "might"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# Clauses that describe a noun: a relative clause, a participle or infinitive after it.
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
# What a piece cut out of a sentence does not open with.
_PIECE_EDGES = " ,;:—–-"
# A relative clause: a report inside one is about the noun ("billboards in which people say"),
# where a noun's content clause ("hopes the talks would …") is not.
_RELATIVE_CLAUSE = frozenset({"relcl"})
# How a claim's main verbs join: a reported clause, a clause beside it, a coordinated one.
_SPINE = frozenset({"ccomp", "parataxis", "conj"})
# A heading is at most this many words.
_HEADING_WORDS = 6
_QUESTION_MARKS = ("?", "\u061f")  # "?" and the Arabic question mark
_CLOSING_QUOTES = "\"'”’»)"
# The signature an embedded post closes with: "— Rep. Ilhan Omar (@Ilhan) November 19, 2019".
_POST_SIGNATURE = re.compile(r"[—–-]\s*(?P<name>[^()@\n]{1,80}?)\s*\(@\w{1,30}\)[^\n]{0,40}")
# A post holds at most this many characters of text (links aside): X's, formerly Twitter's, cap.
_POST_CHARACTERS = 280
_LINK = re.compile(r"\S+\.\S+/\S+")
# What a report says besides its words: "she wrote [in her letter]", "said [Monday night]".
_REPORT_DETAILS = frozenset({"prep", "npadvmod", "advmod", "agent", "dobj", "dative"})
_FIRST_PERSON = frozenset({"i", "we"})
# At most this many quoted words cut off before a report ("The end,’” Harper said.") leave
# it only a report.
_CUT_OFF_WORDS = 3


def find_claims(article: Article, doc: Doc) -> list[Claim]:
    attributions = find_attributions(article, doc)
    passages = quoted_passages(article, doc)
    outlet = Source(SourceType.OUTLET, article.outlet)
    claims: list[Claim] = []
    sourced: list[bool] = []  # per claim: has a source of its own, not the outlet's default
    paragraphs: list[int] = []  # per claim: its paragraph
    closing: dict[int, tuple[int, Source]] = {}  # paragraph -> (claim index, source it lends)
    signatures, posts = _embedded_posts(article, doc)
    for number, sentence in enumerate(article.sentences):
        if (
            not any(c.isalnum() for c in sentence.text)
            or sentence.paragraph in signatures
            or _table_row(article, sentence)
            or _heading(article, sentence)
            or _asks(sentence)
            or not _states_something(doc, sentence)
        ):
            continue
        reports = attributions.in_sentence(number)
        own = _distinct_sources([a for a in reports if _sources_its_sentence(doc, a)])
        if own and all(_only_reports(doc, sentence, a) for a in own):
            # "an officer shouts.": the words were claimed where they stand, with this source.
            if own[0].trailing and not _closes_a_quote(attributions, own[0]):
                closing[sentence.paragraph] = (len(claims), own[0].source)
            else:
                closing.pop(sentence.paragraph, None)
            continue
        # In a post, "I urge …" is the poster's words, not the outlet's.
        if sentence.paragraph in posts and all(a.source.type is SourceType.OUTLET for a in own):
            claims.append(
                _claim(doc, sentence.start, sentence.end, posts[sentence.paragraph], None)
            )
            sourced.append(True)
            paragraphs.append(sentence.paragraph)
            closing.pop(sentence.paragraph, None)
            continue
        # "Assad is ordering his army to fall back": the writer reports the order, and a
        # closing "…, a war monitor said" of the next sentence is not lent to it.
        reports_a_directive = any(directs_a_listener(doc, a) for a in reports)
        quoted = [p.attribution for p in passages if _inside(sentence, p.marks.start, p.marks.end)]
        pieces: list[tuple[int, int, Attribution | None]]
        described = [
            a for a in reports if _reports_of_a_noun(doc, a) and a.content_end <= sentence.end
        ]
        if len(own) > 1:
            pieces = list(_split(article, sentence, own))
        elif not own and not quoted and len(described) == 1:
            pieces = _report_cut_out(doc, article, sentence, described[0])
        else:
            cited = own[0] if own else (quoted[0] if quoted else None)
            pieces = [(sentence.start, sentence.end, cited)]
        for start, end, attribution in pieces:
            source = attribution.source if attribution else None
            claims.append(_claim(doc, start, end, source or outlet, attribution))
            sourced.append(source is not None or reports_a_directive)
            paragraphs.append(sentence.paragraph)
        if len(own) == 1 and own[0].trailing and not _closes_a_quote(attributions, own[0]):
            closing[sentence.paragraph] = (len(claims) - 1, own[0].source)
        else:
            closing.pop(sentence.paragraph, None)
    _lend_closing_attributions(claims, sourced, paragraphs, closing)
    return claims


def _closes_a_quote(attributions: Attributions, attribution: Attribution) -> bool:
    """ "“We were never lost,” the narrator concluded.": the quote marks bound the speaker's
    words, so the sentences before them are not lent the speaker."""
    return any(q.start == attribution.content_start for q in attributions.quote_marks)


def _only_reports(doc: Doc, sentence: Sentence, attribution: Attribution) -> bool:
    """The sentence holds nothing but the report of words that stand in another sentence:
    "an officer shouts." after "“We’re coming in!”", "he said, “" before the quote. Every
    word is the speaker's, the cue's, a detail of the report without a verb of its own ("in
    her letter", "Monday night"; not "before apologizing to the actor"), or one of a few
    quoted words the splitter cut off ("OUT,” Noem tweeted"); a longer piece of the quote
    ("… how sad to see something like that,” the doctor said.") is a claim."""
    if sentence.start <= attribution.content_start < sentence.end:
        return False
    cue = doc[attribution.cue_token]
    report = {cue.i}
    for child in cue.children:
        verbless = not any(t.pos_ == "VERB" for t in child.subtree)
        if child.dep_ in _SUBJECTS or (child.dep_ in _REPORT_DETAILS and verbless):
            report.update(t.i for t in child.subtree)
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return False
    quoted = [t for t in span if attribution.content_start <= t.idx < attribution.content_end]
    if sum(t.is_alpha for t in quoted) > _CUT_OFF_WORDS:
        return False
    return all(t.i in report or t.is_punct or t in quoted for t in span)


def _embedded_posts(article: Article, doc: Doc) -> tuple[set[int], dict[int, Source]]:
    """The signature paragraphs of embedded posts, and the poster of each paragraph of a
    post's text: those just before its signature, back to one that introduces the post
    (ends in a colon) or another signature, while they fit in one post."""
    signatures: set[int] = set()
    posts: dict[int, Source] = {}
    mentions = MentionIndex(article)
    offset = 0
    starts = []
    for paragraph in article.paragraphs:
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    for number, paragraph in enumerate(article.paragraphs):
        signature = _POST_SIGNATURE.fullmatch(paragraph.strip())
        if signature is None:
            continue
        signatures.add(number)
        lead = len(paragraph) - len(paragraph.lstrip())
        name_start = starts[number] + lead + signature.start("name")
        poster = _poster(doc, mentions, signature["name"], name_start)
        length = 0
        before = number - 1
        while before >= 0 and before not in signatures:
            text = article.paragraphs[before].strip()
            length += len(_LINK.sub("", text).strip())
            if text.endswith(":") or length > _POST_CHARACTERS:
                break
            span = doc.char_span(starts[before], starts[before] + len(article.paragraphs[before]))
            if span is not None and _reports_someone(span):
                break
            posts[before] = poster
            before -= 1
    return signatures, posts


def _reports_someone(span: Span) -> bool:
    """The paragraph tells what someone else said ("Another wondered why …", "one user
    quipped"): the writer introducing a post, not the post, where a poster speaks as "I"."""
    verbs = lexicon().reporting_verbs
    return any(
        token.dep_ == "ROOT"
        and token.lemma_.lower() in verbs
        and any(c.dep_ in _SUBJECTS and c.lower_ not in _FIRST_PERSON for c in token.children)
        for token in span
    )


def _poster(doc: Doc, mentions: MentionIndex, name: str, start: int) -> Source:
    """The source a post's signature names: the article's actor of that name where there is
    one, else a person unless the tagger reads the name as a body."""
    actor = mentions.actor(start, start + len(name))
    if actor is not None:
        person = actor.kind is ActorKind.PERSON
        kind = SourceType.NAMED_PERSON if person else SourceType.NAMED_ORGANISATION
        return Source(kind, actor.name, actor.id)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    labels = {t.ent_type_ for t in span} if span is not None else set()
    body = bool(labels & {"ORG", "NORP", "GPE", "FAC"}) and "PERSON" not in labels
    kind = SourceType.NAMED_ORGANISATION if body else SourceType.NAMED_PERSON
    return Source(kind, name)


def _distinct_sources(attributions: list[Attribution]) -> list[Attribution]:
    distinct: list[Attribution] = []
    for a in attributions:
        if all(a.source.name != b.source.name for b in distinct):
            distinct.append(a)
    return distinct


def _sources_its_sentence(doc: Doc, attribution: Attribution) -> bool:
    """Whether the attribution is the sentence's own report. Not when its cue lies in a
    relative clause ("billboards in which people say …", "a deal that would allow leaders
    to claim …": the writer asserts the rest), nor a view the writer only guesses at ("China's
    leaders may still believe …": hedged by its modal, the writer's claim)."""
    cue = doc[attribution.cue_token]
    if cue.pos_ == "NOUN":
        return True  # "…, police allege.": a cue mistagged as a noun; its parse means nothing
    if _describes_a_noun(cue, _RELATIVE_CLAUSE):
        return False
    if directs_a_listener(doc, attribution):
        return False
    if _in_clause_on_a_noun(cue):
        # "protests by groups demanding that …", "the plan to have Orban relate this message":
        # the writer reports the protests, the plan; "a statement saying …" is the statement's.
        return False
    modals = {c.lower_ for c in cue.children if c.tag_ == "MD"}
    # "may still believe" is the writer's guess at a view; "will deplore", "would argue"
    # forecast words nobody has said yet.
    guessed = (
        bool(modals & _HEDGING_MODALS) if not attribution.asserts else bool(modals & _FORECASTS)
    )
    return not guessed


def _reports_of_a_noun(doc: Doc, attribution: Attribution) -> bool:
    """ "a fractured opposition, which hopes his influence will help it win votes",
    "investors who fear that …": a report by the noun a relative clause describes (its
    relative pronoun the subject), of a clause after it (in its sentence, the caller checks;
    "the website, which contains the following statement:" introduces a quote beyond it)."""
    cue = doc[attribution.cue_token]
    return (
        cue.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.tag_ in {"WP", "WDT"} for c in cue.children)
        and attribution.content_start >= cue.idx
    )


def _report_cut_out(
    doc: Doc, article: Article, sentence: Sentence, attribution: Attribution
) -> list[tuple[int, int, Attribution | None]]:
    """The writer's sentence around a report in a relative clause, and the report (from the
    noun phrase it describes to the end of what it reports) as its speaker's claim."""
    start = max(doc[attribution.cue_token].head.left_edge.idx, sentence.start)
    end = min(attribution.content_end, sentence.end)
    pieces: list[tuple[int, int, Attribution | None]] = []
    for piece_start, piece_end, cited in (
        (sentence.start, start, None),
        (start, end, attribution),
        (end, sentence.end, None),
    ):
        text = article.body[piece_start:piece_end]
        if any(c.isalnum() for c in text):
            # ", and the peso fell.": the comma that parted it from the report is no part.
            piece_start += len(text) - len(text.lstrip(_PIECE_EDGES))
            piece_end -= len(text) - len(text.rstrip())
            pieces.append((piece_start, piece_end, cited))
    return pieces


def _in_clause_on_a_noun(cue: Token) -> bool:
    """The cue heads a clause on a noun other than a document ("groups demanding …"), or lies
    in an infinitive on one ("the plan to have Orban relate …"). A finite clause on a noun may
    be its content ("hopes the talks would …"), and a report inside it still sources."""
    documents = lexicon().documents
    if main_verb_read_as_participle(cue):
        return False
    token = cue
    for _ in range(50):  # bounded: a parse may hold a cycle
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if token.dep_ == "acl" and (token is cue or infinitive):
            return token.head.lemma_.lower() not in documents
        if token.head == token:
            return False
        token = token.head
    return False


def _inside(sentence: Sentence, start: int, end: int) -> bool:
    """Most of the sentence lies between the quote marks (which sit just outside them)."""
    overlap = min(sentence.end, end) - max(sentence.start, start)
    return overlap >= QUOTED_SHARE * (sentence.end - sentence.start)


def _heading(article: Article, sentence: Sentence) -> bool:
    """A whole short paragraph without a sentence end: "Back Channels", "He said, she said"."""
    text = sentence.text.strip()
    if text != article.paragraphs[sentence.paragraph].strip():
        return False
    return len(text.split()) <= _HEADING_WORDS and text[-1:] not in ".!?…”\"'"


def _table_row(article: Article, sentence: Sentence) -> bool:
    """The sentence lies in a paragraph the reader wrote as a table row: cells between "|"."""
    return article.paragraphs[sentence.paragraph].lstrip().startswith("|")


def _asks(sentence: Sentence) -> bool:
    """The sentence ends in a question mark (Latin or Arabic), inside closing quotes or not."""
    return sentence.text.rstrip().rstrip(_CLOSING_QUOTES).endswith(_QUESTION_MARKS)


def _states_something(doc: Doc, sentence: Sentence) -> bool:
    """An order ("Click here for more information.", "Read the original article.") or a
    short fragment with no verb ("12 issues for £11.99.") claims nothing. Longer verbless
    sentences are kept: the parser misreads real ones ("… cities struggle with …")."""
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return True
    words = [t for t in span if not t.is_punct]
    if not any(t.pos_ in {"VERB", "AUX"} for t in words):
        return len(words) > _HEADING_WORDS
    first = words[0] if words else None
    ordered = (
        first is not None
        and first.dep_ == "ROOT"
        and first.tag_ == "VB"
        and not any(c.dep_ in _SUBJECTS for c in first.children)
    )
    return not ordered


def _conditions_the_claim(mark: Token) -> bool:
    """ "The army will withdraw if the talks fail, officials said": an "if" clause with a
    subject of its own on the claim's main verb (the root, or a clause reported or joined to
    it) makes the claim conditional. One deeper in ("an offer for Syria to cut ties if the
    West helps", "a deal … or guarantee his passage into exile if needed") conditions a part
    of what is said, not whether it is so; "asked if" is a question, no condition."""
    clause = mark.head
    if clause.dep_ != "advcl" or not any(c.dep_ in _SUBJECTS for c in clause.children):
        return False
    token = clause.head
    for _ in range(50):  # bounded: a parse may hold a cycle
        if token.head == token:
            return True
        if token.dep_ not in _SPINE:
            return False
        token = token.head
    return False


def _describes_a_noun(token: Token, clauses: frozenset[str] = _NOUN_CLAUSES) -> bool:
    """Inside a clause that describes a noun ("the plan, which could cost $5bn, was approved"):
    its modal is the noun's, not the claim's."""
    steps = 0
    while token.head != token and steps < 50:  # bounded: a parse may hold a cycle
        if token.dep_ in clauses:
            return True
        token = token.head
        steps += 1
    return False


def _split(
    article: Article, sentence: Sentence, attributions: list[Attribution]
) -> list[tuple[int, int, Attribution]]:
    """One clause per attribution, cut where the next attribution's clause begins."""
    ordered = sorted(attributions, key=lambda a: min(a.start, a.content_start))
    cuts = [sentence.start] + [
        max(min(a.start, a.content_start), sentence.start) for a in ordered[1:]
    ]
    cuts.append(sentence.end)
    pieces = []
    for i, attribution in enumerate(ordered):
        start, end = cuts[i], cuts[i + 1]
        text = article.body[start:end]
        start += len(text) - len(text.lstrip())
        end -= len(text) - len(text.rstrip())
        if end > start:
            pieces.append((start, end, attribution))
    return pieces


def _lend_closing_attributions(
    claims: list[Claim],
    sourced: list[bool],
    paragraphs: list[int],
    closing: dict[int, tuple[int, Source]],
) -> None:
    """Give a paragraph's closing "..., the people said." to the unsourced claims before it."""
    for paragraph, (last, source) in closing.items():
        i = last - 1
        while i >= 0 and paragraphs[i] == paragraph and not sourced[i]:
            claims[i].source = source
            i -= 1


def _claim(
    doc: Doc,
    start: int,
    end: int,
    source: Source,
    attribution: Attribution | None,
) -> Claim:
    text = doc_text(doc)[start:end]  # the body, parsed: not joined anew per claim
    certainty, cue = _certainty(doc, start, end, text, attribution)
    return Claim(text, start, end, source, certainty, cue)


def _certainty(
    doc: Doc, start: int, end: int, text: str, attribution: Attribution | None
) -> tuple[Certainty, str | None]:
    words = lexicon()
    normalised = normalise_for_matching(text)
    if denial := words.denials.search(normalised):
        return Certainty.DENIED, denial.group()
    if hedge := words.hedges.search(normalised):
        return Certainty.HEDGED, hedge.group()
    span = doc.char_span(start, end, alignment_mode="expand")
    lowers = token_lowers(doc)
    for i in range(span.start, span.end) if span is not None else []:
        if lowers[i] not in _HEDGING_MODALS and lowers[i] != "if":
            continue  # the words read below, found without making each Token
        token = doc[i]
        if (
            token.tag_ == "MD"
            and token.lower_ in _HEDGING_MODALS
            # "couldn't comment" denies an ability; it does not make the content possible.
            and not any(c.dep_ == "neg" for c in token.head.children)
            and not _describes_a_noun(token)
        ):
            return Certainty.HEDGED, token.text
        if token.dep_ == "mark" and token.lower_ == "if" and _conditions_the_claim(token):
            return Certainty.HEDGED, token.text
    if attribution is not None and not attribution.asserts:
        return Certainty.HEDGED, doc_text(doc)[attribution.start : attribution.end]
    return Certainty.ASSERTED, None
