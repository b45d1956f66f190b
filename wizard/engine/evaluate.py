"""Shared evaluation machinery: the environment of facts for one assessment,
rule evaluation with 不明 tracking, reasons and warnings."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from wizard.domain.facts import FACTS, MALICIOUS_CAUSES, display_value, label
from wizard.engine.catalog import Catalog, Rule, RuleSet
from wizard.engine.conditions import NOT_ASKED

UNKNOWN = (None, "unknown")
# Consequences asked after the cause (SPEC §2.1): unanswered means none was reported.
ACQUIRING_CAUSES = {"skimming", "tampering"}
WIDENING = date(2024, 4, 1)  # 規則7条3号かっこ書 (令和5年個人情報保護委員会規則第5号)
WHAT_HAPPENED = {"incident.destroyed", "incident.altered", "incident.unusable"}

DECISION_TYPES = {"tri", "bool", "int", "enum"}
# Causes whose 漏えい is, as a rule, only a おそれ: the data left the business's hands and nobody knows
# whether a third party saw it (通則GL 3-5-1-2, 3-5-1-3 ※2: 社外に流出した場合には漏えい; 平成29年告示 1(3)).
SUSPECTED_LEAK_CAUSES = {"loss", "theft", "unauthorized_access", "malware", "ransomware", "disposal_error"}


@dataclass
class Evaluation:
    ruleset: RuleSet
    known: date
    answers: dict[str, Any]
    env: dict[str, Any]
    on_path: set[str]
    reasons: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    deps: dict[str, set[str]] = field(default_factory=dict)
    base: dict[str, Any] = field(default_factory=dict)

    def value(self, rule: Rule) -> bool | None:
        if rule.when is None:
            return True
        return rule.when(self.env)

    def leaf_facts(self, names: set[str] | frozenset[str]) -> set[str]:
        """The answered-or-asked facts behind `names`, following derived values."""
        out: set[str] = set()
        todo, seen = list(names), set()
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            if n in self.deps:
                todo.extend(self.deps[n])
            elif n in FACTS:
                out.add(n)
        return out

    def unknown_facts(self, names: set[str] | frozenset[str]) -> list[str]:
        """On-path facts behind `names` whose answer is 不明 or missing (a fact off the
        path is NOT_ASKED, never unknown)."""
        return sorted(f for f in self.leaf_facts(names)
                      if f in self.on_path and self.env.get(f) in UNKNOWN
                      and not (f == "incident.malicious" and self.env.get("malicious") not in UNKNOWN))

    def deciders(self, rule: Rule) -> list[str]:
        """The unknown on-path facts that decided a rule whose value is 不明: those whose
        answer, once given, makes the rule definite.  When no single fact does, all
        the unknown facts behind the rule (together they decide it)."""
        if rule.when is None:
            return []
        unknown = self.unknown_facts(rule.when.names)
        found = []
        for f in unknown:
            for cand in _candidates(f):
                trial = derive(self.ruleset, {**self.base, f: cand})
                if rule.when(trial) is not None:
                    found.append(f)
                    break
        return found or unknown

    def named(self, facts: list[str]) -> str:
        return "、".join(f"「{label(f)}」" for f in facts)

    def facts_of(self, rule: Rule) -> list[str]:
        """Facts on the current path that the rule's condition used."""
        names = rule.when.names if rule.when else frozenset()
        return sorted(f for f in self.leaf_facts(names) if f in self.on_path)

    def reason(self, rule: Rule, unknown: bool = False, text: str | None = None) -> None:
        deciders = self.deciders(rule) if unknown else []
        unknown = bool(deciders)  # 不明 only when an unknown on-path answer decided it
        if text:
            body = text
        elif unknown:
            body = (rule.unknown_text or rule.text) + f"（不明・未回答の回答: {self.named(deciders)}）"
        else:
            body = rule.text
        self.reasons.append({"rule": rule.id, "cite": rule.cite, "text": body, "facts": self.facts_of(rule),
                             "confidence": rule.confidence, "unknown": unknown,
                             "unknown_facts": deciders})
        if unknown:
            self.warn(f"{self.named(deciders)}が「不明」（又は未回答）のため、本人保護の側で判断しました: "
                      f"{rule.unknown_text or rule.text}（{rule.cite}）")
        if rule.warning:
            self.warn(rule.warning)
        if rule.unsure:
            self.warn(f"【要確認】{rule.unsure}（{rule.cite}）")

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)


def suspected(ev: Evaluation, occurred: bool, kinds: list[str]) -> bool:
    """Whether what happened is (partly) only a おそれ: an occurrence resting on 不明, or a 漏えい from a
    cause that takes the data out of the business's hands (a lost or stolen medium, an intrusion)."""
    if not occurred:
        return False
    return ev.env.get("occurred") is None or ("leak" in kinds and ev.env.get("incident.cause") in SUSPECTED_LEAK_CAUSES)


def _candidates(fact: str) -> list[Any]:
    """Definite answers to try for an unknown fact (to see whether it decided a rule)."""
    f = FACTS[fact]
    if f.type == "tri":
        return ["yes", "no"]
    if f.type == "bool":
        return [True, False]
    if f.type == "enum":
        return list(f.choices)
    if f.type == "int":
        return [0, 10**9]
    return []


def derive(rs: RuleSet, facts: dict[str, Any]) -> dict[str, Any]:
    """The facts plus every derived value of the rule set (三値: はい/いいえ/不明)."""
    env = dict(facts)
    given = env.get("incident.malicious")
    if given is None or given is NOT_ASKED:
        cause = env.get("incident.cause")
        given = "yes" if cause in MALICIOUS_CAUSES else "no"
    env["malicious"] = given
    for name, cond in rs.derived:
        env[name] = cond(env)
    return env


def build_env(cat: Catalog, rs: RuleSet, answers: dict[str, Any], known: date) -> Evaluation:
    path = cat.graph.walk(answers)
    on_path = {q.fact for q in path}
    env: dict[str, Any] = {k: v for k, v in answers.items() if k in on_path}
    ev = Evaluation(rs, known, answers, env, on_path)
    decision = rs.decision_facts()
    for q in path:
        if q.fact in env:
            continue
        if q.default is not None:
            env[q.fact] = q.default
            if q.fact in WHAT_HAPPENED:
                ev.warn(f"「{label(q.fact)}」が未回答のため「いいえ」として扱いました。当てはまる場合は回答してください"
                        "（滅失・毀損も報告対象事態になり得ます: 通則GL 3-5-1-3・3-5-1-4）。")
            elif q.fact == "data.being_acquired" and env.get("incident.cause") in ACQUIRING_CAUSES and known >= WIDENING:
                # 通則GL 3-5-3-1(3) 事例6〜8: a tampered input page, link or reply envelope usually takes data the
                # business is acquiring; the answer decides 3号 for data that is not yet 個人データ: ask for it.
                ev.warn(f"「{label(q.fact)}」が未回答のため「いいえ」として扱いました。入力ページ・リンク・返信用封筒の"
                        "改ざんで盗まれた情報が、データベース等に入力する予定の情報（まだ個人データでないもの）なら"
                        "「はい」と回答してください。令和6年4月1日以降は、個人データでなくても規則7条3号の報告対象です。")
        elif q.fact == "incident.malicious":
            continue  # derived below (SPEC §2.1 default), no warning
        elif q.fact in decision and FACTS[q.fact].type in DECISION_TYPES:
            ev.warn(f"「{label(q.fact)}」が未回答のため「不明」として扱いました。")
    ev.deps["malicious"] = {"incident.malicious", "incident.cause"}
    if env.get("mynumber.included") in ("yes", "unknown") and "mynumber.subjects" not in env \
            and isinstance(env.get("data.subjects"), int):
        env["mynumber.subjects"] = env["data.subjects"]
        ev.warn("特定個人情報に係る本人の数が未回答のため、本人の数（最大）"
                f"{display_value('data.subjects', env['data.subjects'])}人を使いました。")
    for fid in FACTS:
        if fid not in on_path:
            env[fid] = NOT_ASKED  # off the path: not applicable, never 不明
    ev.base = dict(env)
    env.update(derive(rs, env))
    for name, cond in rs.derived:
        ev.deps[name] = set(cond.names)
    return ev


def ground_numbers(ev: Evaluation, group: str) -> tuple[list[int], list[int], list[Rule]]:
    """(numbers that apply, numbers resting only on 不明, rules that fired)."""
    certain: set[int] = set()
    uncertain: set[int] = set()
    fired: list[Rule] = []
    for r in ev.ruleset.group(group, ev.known):
        v = ev.value(r)
        if v is False or r.number is None:
            continue
        fired.append(r)
        (certain if v else uncertain).add(int(r.number))
    numbers = sorted(certain | uncertain)
    return numbers, sorted(uncertain - certain), fired
