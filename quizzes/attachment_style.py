"""Attachment style self-assessment: two 1–7 scores, anxiety and avoidance, and the closest style.

The items are original to this site. Reverse-keyed items are plain opposites (no "not").
Scoring rules live in `quizzes.core.scale` and are printed by `QUIZ.scoring_key()`.
"""

from __future__ import annotations

from quizzes.core import guide
from quizzes.core.model import HIGH, LOW, NEAR, Category, Dimension, ScaleItem
from quizzes.core.scale import AGREE_7, ScaleQuiz

ANXIETY = "anxiety"
AVOIDANCE = "avoidance"

ITEMS = (
    ScaleItem("anx1", 1, "When my partner is quiet, I worry that something is wrong between us.", ANXIETY),
    ScaleItem("avo1", 2, "I keep my deepest feelings from my partner.", AVOIDANCE),
    ScaleItem("anx2", 3, "I often ask my partner if we are okay.", ANXIETY),
    ScaleItem("avo2", 4, "I tell my partner when something is bothering me.", AVOIDANCE, reverse=True),
    ScaleItem("anx3", 5, "I feel sure that my partner loves me.", ANXIETY, reverse=True),
    ScaleItem("avo3", 6, "When my partner wants a lot of closeness, I want to pull back.", AVOIDANCE),
    ScaleItem("anx4", 7, "I get uneasy when my partner takes a long time to text back.", ANXIETY),
    ScaleItem("avo4", 8, "I prefer to solve my problems on my own.", AVOIDANCE),
    ScaleItem("anx5", 9, "Worries about our relationship often fill my mind.", ANXIETY),
    ScaleItem("avo5", 10, "Leaning on my partner feels natural to me.", AVOIDANCE, reverse=True),
    ScaleItem("anx6", 11, "When my partner is away, I feel calm about us.", ANXIETY, reverse=True),
    ScaleItem("avo6", 12, "When things get tense between us, I shut down.", AVOIDANCE),
    ScaleItem("anx7", 13, "After an argument, I fear that my partner will leave.", ANXIETY),
    ScaleItem("avo7", 14, "Asking my partner for help makes me uneasy.", AVOIDANCE),
    ScaleItem("anx8", 15, "I look for signs that my partner is pulling away.", ANXIETY),
    ScaleItem("avo8", 16, "Being close to my partner makes me feel relaxed.", AVOIDANCE, reverse=True),
    ScaleItem("anx9", 17, "I trust my partner to stay with me through hard times.", ANXIETY, reverse=True),
    ScaleItem("avo9", 18, "When my partner shares deep feelings, I want to change the subject.", AVOIDANCE),
)

CATEGORIES = (
    Category(
        "secure", "Secure",
        (
            "People near the secure corner tend to believe repair is possible and to look for "
            "solutions together.",
            "After trust is hurt, that can mean staying in honest, caring talks and making room "
            "for small moments of repair.",
        ),
        (guide.SECURE_ATTACHMENT, guide.STEPS[2], guide.STEPS[6]),
        when={ANXIETY: LOW, AVOIDANCE: LOW},
    ),
    Category(
        "anxious-preoccupied", "Anxious-preoccupied",
        (
            "People near this corner may fear abandonment, ask many questions, or need extra "
            "reassurance when trust is shaken.",
            "Small, predictable actions from a partner help. So do shared ways to calm the body, "
            "like slow breathing or taking a break during a hard talk.",
        ),
        (guide.ANXIOUS_ATTACHMENT, guide.STEPS[3], guide.STEPS[5]),
        when={ANXIETY: HIGH, AVOIDANCE: LOW},
    ),
    Category(
        "dismissive-avoidant", "Dismissive-avoidant",
        (
            "People near this corner may shut down or withdraw when trust breaks, even if they "
            "care deeply.",
            "Sharing a little at a time, and agreeing on breaks during hard talks, can make "
            "closeness feel safer.",
        ),
        (guide.AVOIDANT_ATTACHMENT, guide.STEPS[2], guide.STEPS[5]),
        when={ANXIETY: LOW, AVOIDANCE: HIGH},
    ),
    Category(
        "fearful-avoidant", "Fearful-avoidant (often called disorganized)",
        (
            "People near this corner may alternate between closeness and avoidance, feeling "
            "conflicted about trust.",
            "Past hurt can make new wounds feel bigger. Clear agreements, and support from a "
            "therapist, can help you feel steadier.",
        ),
        (guide.DISORGANIZED_ATTACHMENT, guide.TRAUMA_HISTORY, guide.STEPS[4], guide.STEPS[7]),
        when={ANXIETY: HIGH, AVOIDANCE: HIGH},
        short_label="Fearful-avoidant",
    ),
    # No style is named when the answers do not point to one: near the middle, the same
    # answer everywhere, or agreeing (or disagreeing) with statements and their opposites.
    Category(
        "near-the-middle", "Near the middle of both scales",
        (
            "Your answers sit near the middle of both scales, so no single style stands out.",
            "That can happen when some statements fit you and others do not, or when you relate "
            "in different ways at different times. The guide describes each pattern, so you can "
            "notice which parts feel familiar.",
        ),
        (guide.ATTACHMENT_STYLES, guide.STEPS[2]),
        when={ANXIETY: NEAR, AVOIDANCE: NEAR},
    ),
    Category(
        "same-answer", "The same answer to every statement",
        (
            "You gave every statement the same answer, so this quiz cannot point to a style.",
            "Some statements describe opposite feelings, so the result is most useful when each "
            "one is weighed on its own. If you like, you can change any answer that does not fit "
            "and see your result again.",
        ),
        (guide.ATTACHMENT_STYLES,),
        same_answers=True,
    ),
    Category(
        "both-ways", "Your answers point both ways",
        (
            "Some statements in this quiz say opposite things, such as \u201cI feel sure that my "
            "partner loves me\u201d and \u201cWorries about our relationship often fill my "
            "mind.\u201d When most answers agree with both sides, or disagree with both, the "
            "scores cannot show where you sit, so this quiz does not point to a style.",
            "That can happen when a statement is hard to weigh, or when both sides feel true at "
            "different times. The result is most useful when each statement is weighed on its "
            "own. If you like, you can look at your answers again and see your result again.",
        ),
        (guide.ATTACHMENT_STYLES,),
        contradictory_answers=True,
    ),
)

QUIZ = ScaleQuiz(
    id="attachment-style",
    title="Attachment style self-assessment",
    intro=(
        "This short quiz looks at two sides of how you relate to a partner. Anxiety is worry "
        "about rejection or being left. Avoidance is unease with closeness and with depending "
        "on a partner.",
        "Attachment is a continuum: everyone sits somewhere on both scales, and where you sit "
        "can change over time.",
    ),
    instructions=(
        "Think about your current or most recent partner. For each statement, choose how much "
        "you agree. There are no right or wrong answers. You may skip a statement that does not "
        "fit, but please answer as many as you can."
    ),
    items=ITEMS,
    categories=CATEGORIES,
    note=(
        "Your scores describe how you answered today, and they can change. None of these patterns mean you are "
        "\u201ctoo much\u201d or \u201ctoo hard to love.\u201d A therapist can help you make sense of them."
    ),
    scale=AGREE_7,
    dimensions=(Dimension(ANXIETY, "Anxiety"), Dimension(AVOIDANCE, "Avoidance")),
    cut=4,
    near_cut=0.5,
    max_missing=1,
    plot=(AVOIDANCE, ANXIETY),
)
