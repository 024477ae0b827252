"""Explicit suicide, self-harm and violence cues in the commonest languages after English.

draftwise reads English only, but a person in danger may write in any language, so the
safety screen keeps a small cue list for Spanish, Portuguese, French, Italian, German,
Dutch, Chinese, Arabic and Hindi (Devanagari and romanised). The lists hold the plain,
explicit ways of saying "I want to kill myself / die / not live", "I hurt/cut myself" and
"I'll kill / beat / hurt you", written from general knowledge of each language and checked
on the dev part of ``data/safety`` (never on its test part). They are deliberately small:
indirect and veiled phrasings in these languages are not covered (the model card says so),
and the idioms each language shares with these verbs ("me muero de hambre", "das bringt
mich um", "je meurs de faim", "morto di fame", "热死了") are kept out by the guards below.

Every cue is a finding in family ``safety`` with exact offsets, like the English rules.
"""

from __future__ import annotations

import re

from draftwise.detectors.base import DraftView, Finding
from draftwise.detectors.registry import register

# Language -> label -> alternatives (regular expressions, matched case-insensitively per sentence).
_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {
        "suicide": (
            r"\b(?:matarme|suicidarme|quitarme la vida|suicidio)\b",
            r"\bme (?:quiero|voy a|iba a) (?:matar|suicidar|morir)\b",
            r"\bme (?:mato|suicido)\b",
            r"\b(?:acabar|terminar) con mi vida\b",
            r"\bno quiero (?:seguir )?vivir\b",
            r"\bquiero morir(?:me)?\b",
            r"\b(?:estar[ií]an?|estar[ií]ais|vivir[ií]an) (?:todos )?mejor sin m[ií]\b",
        ),
        "self_harm": (
            r"\b(?:me corto|cortarme|me he cortado|he vuelto a cortarme|me hago daño|hacerme daño|autolesi\w+)\b",
        ),
        "violence": (
            r"\b(?:te|lo|la|le|los) (?:mato|voy a matar|parto la cara|reviento)\b",
            r"\bte voy a (?:pegar|matar|partir)\b",
        ),
    },
    "pt": {
        "suicide": (
            r"\b(?:me matar|matar-me|me suicidar|suicidar-me|suic[ií]dio|tirar a minha (?:pr[oó]pria )?vida)\b",
            r"\bacabar com a (?:minha )?vida\b",
            r"\bn(?:[aã]o)? quero mais viver\b",
            r"\bquero morrer\b",
            r"\b(?:ficar|ficariam|iam ficar|ficavam) melhor sem mim\b",
        ),
        "self_harm": (r"\b(?:me cortar|me cortei|me corto|me machuco|me machucar|automutila\w+)\b",),
        "violence": (
            r"\b(?:te|vou te) mat(?:o|ar)\b",
            r"\bvou (?:te )?(?:matar|espancar|bater em)\b",
            r"\bte (?:quebro|arrebento)\b",
            r"\bquebr(?:o|ar) a (?:sua|tua) cara\b",
        ),
    },
    "fr": {
        "suicide": (
            r"\b(?:me suicider|me tuer|mettre fin à mes jours|en finir avec la vie|me foutre en l'air|suicide)\b",
            r"\bj?e? ?(?:ne )?veux plus vivre\b",
            r"\bj'?(?:ai )?envie de mourir\b",
            r"\bje veux mourir\b",
            r"\bque tout s'arr[êe]te\b",
            r"\b(?:plus tranquilles?|plus heureux|mieux) sans moi\b",
        ),
        "self_harm": (r"\b(?:me scarifier|scarifi\w+|me mutiler|m'automutile\w*|je me coupe|me faire du mal)\b",),
        "violence": (r"\bje (?:vais )?(?:te|le|la|les) (?:tuer|tue|défoncer|défonce|buter|bute|frapper)\b",),
    },
    "it": {
        "suicide": (
            r"\b(?:suicidarmi|uccidermi|ammazzarmi|togliermi la vita|farla finita|suicidio)\b",
            r"\bnon voglio più vivere\b",
            r"\bvoglio morire\b",
            r"\bmeglio senza di me\b",
            r"\bche finisca tutto\b",
            r"\bsenza di me (?:stareste|starete|vivreste)\b",
        ),
        "self_harm": (
            r"\b(?:mi taglio|tagliarmi|mi sono tagliat\w|mi faccio del male|farmi del male|autolesion\w+)\b",
        ),
        "violence": (r"\bti (?:ammazzo|uccido|spacco|meno|massacro)\b", r"\b(?:lo|la) (?:ammazzo|uccido|massacro)\b"),
    },
    "de": {
        "suicide": (
            r"\b(?:mir das leben (?:zu )?nehmen|selbstmord|suizid\w*|mich töten)\b",
            r"\bmich (?:\w+ ){0,4}umbringen\b",
            r"\bmich umzubringen\b",
            r"\b(?:will|möchte) (?:ich )?nicht mehr leben\b",
            r"\b(?:will|möchte) sterben\b",
            r"\bohne mich (?:wärt|wärst|wären|seid|sind) \w+ (?:alle )?besser dran\b",
        ),
        "self_harm": (r"\b(?:geritzt|ritze mich|mich ritzen|mir weh tun|mir wehtun|verletze mich|selbstverletz\w+)\b",),
        "violence": (
            r"\bbring(?:e)? (?:ich )?(?:dich|ihn|sie) um\b",
            r"\b(?:schlag|schlage) (?:ich )?(?:dich|ihn|sie) (?:zusammen|tot)\b",
            r"\bich (?:töte|bringe|bring) (?:dich|ihn|sie)\b",
        ),
    },
    "nl": {
        "suicide": (
            r"\b(?:zelfmoord|mezelf (?:van kant maken|doden|ombrengen)|een einde aan mijn leven)\b",
            r"\b(?:wil|wil ik) niet meer leven\b",
            r"\bwil dood\b",
            r"\bbeter af zonder mij\b",
        ),
        "self_harm": (
            r"\b(?:mezelf (?:pijn doen|snijden|verwonden)|zelfbeschadiging|ik snij mezelf)\b",
            r"\bdoe mezelf (?:\w+ ){0,3}pijn\b",
        ),
        "violence": (
            r"\bvermoord (?:je|jou|hem|haar)\b",
            r"\b(?:je|jou|hem|haar) vermoord(?:en)?\b",
            r"\bmaak (?:je|jou|hem|haar) (?:af|dood)\b",
            r"\bsla (?:ik )?(?:je|jou|hem|haar|u) (?:\w+ )?(?:helemaal )?(?:verrot|dood|in elkaar)\b",
        ),
    },
    "zh": {
        "suicide": (
            r"自杀|自殺|想死|不想活|轻生|輕生|结束自己的生命|結束自己的生命|了结自己|了結自己|没有我你们|沒有我你們",
        ),
        "self_harm": (r"自残|自殘|割腕|划自己|劃自己|伤害自己|傷害自己",),
        "violence": (r"弄死你|杀了你|殺了你|打死你|砍死你|打断他的腿|打斷他的腿|揍你|捅死",),
    },
    "ar": {
        "suicide": (
            r"انتحر|الانتحار|انتحار|أموت نفسي|اموت نفسي|أقتل نفسي|اقتل نفسي|لا أريد أن أعيش|لم أعد أريد أن أعيش|بدي موت|أريد أن أموت",
            r"أحسن من غيري|احسن من غيري|أحسن بدوني|أفضل بدوني|كل حاجة تخلص",
        ),
        "self_harm": (r"أؤذي نفسي|بأذي نفسي|باذي نفسي|أجرح نفسي|اجرح نفسي|إيذاء النفس",),
        "violence": (r"سأقتلك|هقتلك|بقتلك|رح اقتلك|وأضربك|سأضربك|هضربك|بكسر راسه|بكسر راسك|سأكسر",),
    },
    "hi": {
        "suicide": (
            r"आत्महत्या|ख़ुदकुशी|खुदकुशी|जीना नहीं चाहत|मरना चाहत|अपनी जान ले|ख़ुद को ख़त्म|खुद को खत्म",
            r"मेरे बिना तुम|सब ख़त्म हो जाए|सब खत्म हो जाए",
            r"\b(?:aatmahatya|khudkushi|jeena nahi (?:hai|chahta|chahti)|marna chahta|marna chahti|mar jaana chahta|mar jana chahti)\b",
        ),
        "self_harm": (r"ख़ुद को (?:चोट|नुकसान)|खुद को (?:चोट|नुकसान)|हाथ काट",),
        "violence": (
            r"जान से मार|मार डालूँगा|मार डालूंगा|मार दूँगा|मार दूंगा|पीटूँगा|पीटूंगा",
            r"\b(?:jaan se maar|maar dalunga|maar dunga|tujhe maar)\w*",
        ),
    },
}

# Idioms that share a cue's words and never raise the flag by themselves.
_IDIOMS = re.compile(
    r"(?i)muero de (?:hambre|ganas|risa|sueño|calor|frío|aburrimiento)|me mata (?:el|la|este|esta)|"
    r"morto de (?:fome|rir|sono|cansaço)|morrendo de (?:rir|fome|saudade)|"
    r"meurs de (?:faim|rire|froid|chaud|soif)|ça me tue|"
    r"morto di (?:fame|sonno)|muoio di (?:fame|sonno|caldo|noia)|mi uccide|morti dal ridere|"
    r"bringt mich (?:noch )?um|sterbe vor (?:hunger|langeweile|lachen)|"
    r"热死|累死|饿死|笑死|困死|渴死|气死|"
    r"भूख से मर|जान ले लेगी"
)


# Laughter in these languages: a violent cue in a laughing sentence is banter ("vou te matar kkkk").
_JOKING = re.compile(r"(?i)k{3,}|\b(?:ja){2,}|\b(?:ha){2,}|\b(?:je){2,}|\bmdr\b|\bptdr\b|\bxd\b|哈哈|😂|🤣")


@register("screen", order=20)
class MultilingualSafetyDetector:
    """Explicit safety cues in es, pt, fr, it, de, nl, zh, ar, hi (family ``safety``)."""

    name = "safety_multilingual"
    cues: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
        (lang, label, re.compile("|".join(f"(?:{p})" for p in alts), re.IGNORECASE))
        for lang, labels in _CUES.items()
        for label, alts in labels.items()
    )
    code_rule_names = tuple(f"safety.{lang}.{label}" for lang, label, _ in cues)

    def detect(self, draft: DraftView) -> list[Finding]:
        """Findings for every cue outside an idiom, with offsets into the draft."""
        out: list[Finding] = []
        seen: set[tuple[int, int]] = set()
        for s in draft.sentences:
            idioms = [m.span() for m in _IDIOMS.finditer(s.norm)]
            joking = bool(_JOKING.search(s.norm))
            for lang, label, rx in self.cues:
                if joking and label == "violence":
                    continue
                for m in rx.finditer(s.norm):
                    a, b = m.span()
                    if a == b or any(i <= a < j for i, j in idioms):
                        continue
                    span = (s.start + a, s.start + b)
                    if span in seen:
                        continue
                    seen.add(span)
                    out.append(
                        Finding(
                            label=label,
                            family="safety",
                            sentence=s.index,
                            start=span[0],
                            end=span[1],
                            cue=s.text[a:b],
                            score=1.0,
                            explanation=f"mentions {label.replace('_', '-')} ({lang})",
                            rule=f"safety.{lang}.{label}",
                        )
                    )
        return out
