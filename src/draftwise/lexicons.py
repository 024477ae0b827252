"""Word lists the rules and the intensity signals use, written for draftwise.

Kept as plain Python so they are reviewed like code. Each list is what a
careful reader would count as that kind of word in a personal message; none is
copied from a published lexicon (VADER's lexicon is used separately, as a
signal, through its package).
"""

from __future__ import annotations

# Labels for who a person *is* (character blame) when said of "you".
NEGATIVE_TRAITS = frozenset(
    """selfish lazy liar liars narcissist narcissistic manipulative useless pathetic
    worthless hopeless clueless spoiled spoilt immature childish arrogant entitled
    heartless cold cruel toxic abusive controlling jealous possessive insecure needy
    clingy crazy psycho psychotic insane mental delusional dramatic hysterical
    ungrateful irresponsible unreliable incompetent stupid dumb idiot idiotic moron
    moronic fool foolish loser failure disgrace embarrassment joke coward cowardly
    hypocrite hypocritical fake phony phoney two-faced snake rat cheat cheater
    thief greedy cheap stingy tight rude disrespectful inconsiderate thoughtless
    careless mean nasty vile disgusting gross horrible terrible awful evil monster
    bully sociopath psychopath brat baby child kid princess diva slob pig animal
    jerk asshole arsehole dick prick bitch bastard douche douchebag twat cunt tosser
    wanker dickhead knobhead clown muppet numpty wimp weak spineless gutless
    lazybones freeloader leech parasite mooch moocher user sponge deadbeat
    pushover doormat nag control-freak hothead manipulator gaslighter
    disappointment letdown nightmare menace""".split()
)

# Insults and put-downs aimed at the reader (contempt).
INSULTS = frozenset(
    """idiot moron imbecile loser clown muppet numpty genius einstein sherlock
    pathetic joke stupid dumb dumbass dipshit jackass asshole arsehole dick prick
    bitch bastard twat cunt tosser wanker dickhead knobhead douche douchebag jerk
    retard freak weirdo creep scum trash garbage rubbish useless worthless
    princess drama-queen crybaby snowflake""".split()
)

SWEARS = frozenset(
    """fuck fucking fucked fucker fuckin fck fcking fkn f*ck f***ing shit shitty
    bullshit crap crappy damn dammit goddamn hell bloody bollocks arse ass asshole
    arsehole bitch bastard dick prick twat cunt wanker tosser piss pissed
    motherfucker mf wtf stfu ffs omfg""".split()
)

INTENSIFIERS = frozenset(
    """so so-so really very extremely incredibly absolutely completely totally
    literally seriously utterly truly deeply insanely ridiculously fucking bloody
    super way too most entirely beyond honestly genuinely""".split()
) - {"so-so"}

# Words of feeling a writer can own ("I feel ...", "I'm ...").
FEELINGS = frozenset(
    """hurt sad upset angry mad annoyed frustrated furious livid disappointed
    embarrassed humiliated ashamed guilty anxious worried nervous scared afraid
    frightened terrified stressed overwhelmed exhausted tired drained lonely alone
    rejected ignored invisible unheard unseen unappreciated undervalued taken
    disrespected betrayed confused lost stuck helpless hopeless heartbroken
    crushed devastated gutted sick jealous insecure uncomfortable uneasy
    unsafe happy glad relieved grateful thankful excited hopeful proud calm
    content loved touched moved sorry torn conflicted resentful bitter irritated
    fed-up miserable depressed low down blue numb empty scared shaken rattled
    stung wounded saddened concerned unsure uncertain awkward awful terrible
    horrible bad good better fine okay ok pissed gutted""".split()
)

HEDGES = (
    "probably dumb",
    "probably stupid",
    "probably silly",
    "probably nothing",
    "probably overreacting",
    "can totally ignore",
    "can ignore this",
    "feel free to ignore",
    "feel free to say no",
    "no worries if not",
    "no pressure",
    "if it's not too much trouble",
    "if it isn't too much trouble",
    "if it's ok",
    "if that's ok",
    "i hate to ask",
    "sorry to even ask",
    "i know this is a lot",
    "i don't want to be a bother",
    "i don't want to bother you",
    "i hope this isn't weird",
    "this might sound",
    "i'm not sure if",
    "i don't know if",
    "idk if",
    "just wondering if maybe",
    "maybe possibly",
    "only if you want",
    "totally fine if not",
    "it's fine if not",
    "never mind",
    "nvm",
)

SELF_PUT_DOWNS = (
    "i'm an idiot",
    "im an idiot",
    "i'm so stupid",
    "im so stupid",
    "i know i'm annoying",
    "i know im annoying",
    "i'm the worst",
    "im the worst",
    "i'm useless",
    "im useless",
    "i'm such a mess",
    "i'm a terrible",
    "i'm a horrible",
    "i'm being dramatic",
    "i'm probably being",
    "i'm probably overreacting",
    "i know i'm being",
    "i'm pathetic",
    "i'm hopeless",
    "sorry for being",
    "i'm a burden",
)

# Emoji that raise the temperature of a draft.
HOT_EMOJI = frozenset("😡🤬😠💢😤😭😢💔🔪🖕‼⁉🙄😒")
