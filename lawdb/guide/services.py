"""The guidance a person gets: the steps, in order, filled with the laws and resources that fit."""

import re
from dataclasses import dataclass, field

from lawdb.laws.models import Kind, ResourceKind

from .rules import LawMatch, ResourceMatch, Situation, laws_for, resources_for

EVIDENCE_CHECKLIST = [
    "Write down the web address (URL) of every page, post or profile where the image is.",
    "Take screenshots that show the image's page, the address bar, the date and the time.",
    "Screenshot messages, threats and the other person's username or phone number.",
    "Do not send the image to anyone, even to prove it exists. Describe it instead.",
    "Do not delete your messages, accounts or photos yet. They can be evidence.",
    "Keep a list: date, what happened, where, and who you told.",
]


@dataclass
class Step:
    key: str
    title: str
    text: list[str]
    laws: list[LawMatch] = field(default_factory=list)
    resources: list[ResourceMatch] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)


@dataclass
class Guide:
    situation: Situation
    layers: list
    resources: list[ResourceMatch]
    steps: list[Step]

    @property
    def laws(self) -> list[LawMatch]:
        return [m for _, matches in self.layers for m in matches]

    @property
    def last_verified(self):
        dates = [m.law.last_verified for m in self.laws] + [
            m.resource.last_verified for m in self.resources
        ]
        return max(dates) if dates else None


def mentions_pseudonym(text: str) -> bool:
    return bool(re.search(r"pseudonym|anonym", text or "", re.IGNORECASE))


def build_guide(situation: Situation) -> Guide:
    layers = laws_for(situation)
    resources = resources_for(situation)
    laws = [m for _, matches in layers for m in matches]

    def of_kind(*kinds):
        return [m for m in laws if m.law.kind in kinds]

    def resources_of(*kinds):
        return [m for m in resources if m.resource.kind in kinds]

    takedown_laws = of_kind(Kind.PLATFORM_DUTY, Kind.ADMINISTRATIVE)
    criminal = of_kind(Kind.CRIMINAL)
    civil = of_kind(Kind.CIVIL)
    steps = [
        Step(
            "danger",
            "If you are in danger",
            [
                "If someone is threatening to hurt you, or you feel unsafe right now, call your "
                "local emergency number.",
                "If you are thinking about hurting yourself, please call a crisis line. "
                "You do not have to go through this alone.",
            ],
        ),
        Step(
            "evidence",
            "Keep the evidence",
            [
                "Before anything is taken down, save proof of it. Police, courts and websites "
                "may ask for it.",
            ],
            checklist=EVIDENCE_CHECKLIST,
        ),
        Step(
            "takedown",
            "Get it taken down",
            [
                "Report the image to the website or app where it is. Most have a report button "
                "for private or intimate images.",
                "A hash tool can help stop the image being posted again. It makes a digital "
                "fingerprint on your device. The image itself is not uploaded.",
                "Search engines also have forms to remove results that show your private images.",
            ]
            + (["These laws make websites and apps act on your request:"] if takedown_laws else []),
            laws=takedown_laws,
            resources=resources_of(ResourceKind.TAKEDOWN, ResourceKind.REGULATOR),
        ),
        Step(
            "report",
            "Report it",
            [
                "You can report it to the police. Bring your evidence and this list of laws.",
                "Tell them the law by its name and number (the citation). Officers do not always "
                "know these laws well.",
            ],
            laws=criminal,
            resources=resources_of(ResourceKind.POLICE, ResourceKind.VICTIM_SERVICES),
        ),
        Step(
            "court",
            "Go to court",
            (
                [
                    "You may be able to sue the person who did this. A court can order them to "
                    "pay you money or to stop. Check the time limit: after it, you cannot sue.",
                ]
                + (
                    ["Some of these laws let you use a made-up name (a pseudonym) in court."]
                    if any(mentions_pseudonym(m.law.remedies + m.law.notes) for m in civil)
                    else []
                )
            )
            if civil
            else [
                "We have no law recorded here that lets you sue for this. A lawyer or legal aid "
                "service can tell you about other claims, such as privacy or harassment."
            ],
            laws=civil,
            resources=resources_of(ResourceKind.LEGAL_AID),
        ),
        Step(
            "support",
            "Get support",
            [
                "What happened is not your fault. Talking to someone trained to help can make "
                "the next steps easier.",
            ],
            resources=resources_of(ResourceKind.HELPLINE),
        ),
    ]
    return Guide(situation, layers, resources, steps)
