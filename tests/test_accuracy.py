"""Rule accuracy on labelled real governance documents must not regress (issue 3).

Runs benchmarks/accuracy.py's evaluate() on two labelled sets and checks each labelled rule's F1
against the floor it has reached (rounded down a little), and the precision the issue asks of
the three rules a false alarm hurts most:

- ``../shared/corpus``: the 28 cases the rules were first written against;
- ``tests/fixtures/corpus-extra``: 77 more cases in four sets, collected and labelled by readers
  who never ran govlint (see its README);
- ``tests/fixtures/corpus-fresh`` to ``corpus-fresh37``: 42, 42, 41, 42, 42, 40, 41, 42, 41, 42, 42, 42, 42, 41, 42, 42, 32, 49, 42,
  38, 37, 36, 34, 28, 40, 41, 40, 37, 45, 36, 40, 34, 38, 41, 39, 40 and 44 cases labelled the
  same way for issue 12's first-contact measurements (each folder's FIRST-CONTACT.md), regression
  sets since. Their floors and precision floors are what each reached after it was read (corpus-fresh24:
  after one change; corpus-fresh25 to corpus-fresh37: after the changes made from reading each).

Raise a floor when a rule gets better; never lower one to make a change pass.
"""
from __future__ import annotations

import pytest

from conftest import CORPUS, FIXTURES, benchmark

# Reached on the shared corpus: F1 1.000 for every rule.
F1_FLOORS = {
    "roles-defined": 0.95,
    "decision-making": 0.95,
    "removal-process": 0.95,
    "inactivity-policy": 0.95,
    "vote-of-no-confidence": 0.95,
    "removal-threshold": 0.95,
    "restorative-step": 0.95,
    "escalation-path": 0.95,
    "conflict-resolution": 0.95,
    "code-of-conduct": 0.95,
}
# Reached on the extra set: 0.960 to 1.000 (removal-threshold lowest; restorative-step 0.909).
EXTRA_F1_FLOORS = {**F1_FLOORS, "removal-process": 0.97, "vote-of-no-confidence": 0.98, "removal-threshold": 0.96,
                   "restorative-step": 0.99}
# Reached on the fresh sets after they were read (FIRST-CONTACT.md): 0.900 to 1.000, 0.842 to
# 1.000, 0.571 to 1.000.
FRESH_F1_FLOORS = {"roles-defined": 0.97, "decision-making": 0.98, "removal-process": 0.98, "inactivity-policy": 0.91,
                   "vote-of-no-confidence": 0.99, "removal-threshold": 0.96, "restorative-step": 0.9,
                   "escalation-path": 0.9, "conflict-resolution": 0.99, "code-of-conduct": 0.99}
# escalation-path was lowered on corpus-fresh2 (0.99 -> 0.94), corpus-fresh4 (0.94 -> 0.87) and corpus-fresh5
# (0.83 -> 0.80) when the Minimum Viable Governance appeal ("may be brought before the Organization Steering
# Committee") stopped counting as an escalation outside the project: eleven cases in nine sets carry that same
# sentence, eight readers said the Organization is the project's own (its second readers too), three said outside.
FRESH2_F1_FLOORS = {"roles-defined": 0.99, "decision-making": 0.98, "removal-process": 0.98,
                    "inactivity-policy": 0.9, "vote-of-no-confidence": 0.96, "removal-threshold": 0.96,
                    "restorative-step": 0.99, "escalation-path": 0.94, "conflict-resolution": 0.94,
                    "code-of-conduct": 0.99}
FRESH3_F1_FLOORS = {"roles-defined": 0.98, "decision-making": 0.99, "removal-process": 0.94,
                    "inactivity-policy": 0.89, "vote-of-no-confidence": 0.93, "removal-threshold": 0.92,
                    "restorative-step": 0.75, "escalation-path": 0.88, "conflict-resolution": 0.89,
                    "code-of-conduct": 0.99}
# inactivity 0.955 -> 0.930: coreboot's pass quoted a paragraph on commit messages ("several years
# down the road"), never its inactivity sentence; it ended when a vocabulary's number words came to
# match only themselves ("one" is no longer any number).
FRESH4_F1_FLOORS = {"roles-defined": 0.99, "decision-making": 0.96, "removal-process": 0.96,
                    "inactivity-policy": 0.93, "vote-of-no-confidence": 0.99, "removal-threshold": 0.97,
                    "restorative-step": 0.66, "escalation-path": 0.87, "conflict-resolution": 0.98,
                    "code-of-conduct": 0.98}
FRESH5_F1_FLOORS = {"roles-defined": 0.96, "decision-making": 0.98, "removal-process": 0.99,
                    "inactivity-policy": 0.97, "vote-of-no-confidence": 0.99, "removal-threshold": 0.94,
                    "restorative-step": 0.99, "escalation-path": 0.8, "conflict-resolution": 0.94,
                    "code-of-conduct": 0.99}
FRESH6_F1_FLOORS = {"roles-defined": 0.98, "decision-making": 0.97, "removal-process": 0.92,
                    "inactivity-policy": 0.87, "vote-of-no-confidence": 0.93, "removal-threshold": 0.9,
                    "restorative-step": 0.66, "escalation-path": 0.82, "conflict-resolution": 0.91,
                    "code-of-conduct": 0.99}
FRESH7_F1_FLOORS = {"roles-defined": 0.98, "decision-making": 0.89, "removal-process": 0.94,
                    "inactivity-policy": 0.89, "vote-of-no-confidence": 0.91, "removal-threshold": 0.99,
                    "restorative-step": 0.8, "escalation-path": 0.71, "conflict-resolution": 0.96,
                    "code-of-conduct": 0.99}
FRESH8_F1_FLOORS = {"roles-defined": 0.97, "decision-making": 0.95, "removal-process": 0.97,
                    "inactivity-policy": 0.93, "vote-of-no-confidence": 0.99, "removal-threshold": 0.97,
                    "restorative-step": 0.44, "escalation-path": 0.99, "conflict-resolution": 0.93,
                    "code-of-conduct": 0.95}
# fresh9's restorative-step floor was lowered once (0.72 -> 0.59), by a measured choice: the pass
# it lost (WebAssembly) had been found by reading "periodic status updates outlining major changes"
# as a chance to improve, and the reading that lost it removed three false passes in three other
# sets (81658a0).
FRESH9_F1_FLOORS = {"roles-defined": 0.97, "decision-making": 0.93, "removal-process": 0.91,
                    "inactivity-policy": 0.88, "vote-of-no-confidence": 0.92, "removal-threshold": 0.95,
                    "restorative-step": 0.6, "escalation-path": 0.83, "conflict-resolution": 0.87,
                    "code-of-conduct": 0.99}
FRESH10_F1_FLOORS = {"roles-defined": 0.98, "decision-making": 0.94, "removal-process": 0.95,
                     "inactivity-policy": 0.97, "vote-of-no-confidence": 0.88, "removal-threshold": 0.97,
                     "restorative-step": 0.66, "escalation-path": 0.66, "conflict-resolution": 0.94,
                     "code-of-conduct": 0.98}
FRESH11_F1_FLOORS = {"roles-defined": 0.9, "decision-making": 0.88, "removal-process": 0.89,
                     "inactivity-policy": 0.9, "vote-of-no-confidence": 0.99, "removal-threshold": 0.9,
                     "restorative-step": 0.66, "escalation-path": 0.83, "conflict-resolution": 0.89,
                     "code-of-conduct": 0.99}
FRESH12_F1_FLOORS = {"roles-defined": 0.94, "decision-making": 0.91, "removal-process": 0.85,
                     "inactivity-policy": 0.85, "vote-of-no-confidence": 0.87, "removal-threshold": 0.91,
                     "restorative-step": 0.66, "escalation-path": 0.9, "conflict-resolution": 0.83,
                     "code-of-conduct": 0.98}
FRESH13_F1_FLOORS = {"roles-defined": 0.94, "decision-making": 0.95, "removal-process": 0.93,
                     "inactivity-policy": 0.85, "vote-of-no-confidence": 0.88, "removal-threshold": 0.88,
                     "restorative-step": 0.66, "escalation-path": 0.91, "conflict-resolution": 0.88,
                     "code-of-conduct": 0.99}
FRESH14_F1_FLOORS = {"roles-defined": 0.84, "decision-making": 0.88, "removal-process": 0.95,
                     "inactivity-policy": 0.82, "vote-of-no-confidence": 0.87, "removal-threshold": 0.84,
                     "restorative-step": 0.66, "escalation-path": 0.75, "conflict-resolution": 0.8,
                     "code-of-conduct": 0.97}
# corpus-fresh15 was measured on first contact (0.789) and read afterwards for two general readings
# of restorative-step (no true pass there, so its F1 is 0 and the false passes are what to watch).
FRESH15_F1_FLOORS = {"roles-defined": 0.96, "decision-making": 0.93, "removal-process": 0.93,
                     "inactivity-policy": 0.87, "vote-of-no-confidence": 0.96, "removal-threshold": 0.95,
                     "restorative-step": 0.0, "escalation-path": 0.66, "conflict-resolution": 0.88,
                     "code-of-conduct": 0.99}
# corpus-fresh16 was measured on first contact (0.831) and read afterwards (0.851).
FRESH16_F1_FLOORS = {"roles-defined": 0.85, "decision-making": 0.94, "removal-process": 0.93,
                     "inactivity-policy": 0.87, "vote-of-no-confidence": 0.9, "removal-threshold": 0.9,
                     "restorative-step": 0.75, "escalation-path": 0.76, "conflict-resolution": 0.78,
                     "code-of-conduct": 0.96}
# corpus-fresh17 (32 cases, thinner) was measured on first contact (0.722); one reading since.
FRESH17_F1_FLOORS = {"roles-defined": 0.72, "decision-making": 0.82, "removal-process": 0.71,
                     "inactivity-policy": 0.66, "vote-of-no-confidence": 0.88, "removal-threshold": 0.88,
                     "restorative-step": 0.66, "escalation-path": 0.99, "conflict-resolution": 0.7,
                     "code-of-conduct": 0.97}
# corpus-fresh18 (49 cases) was measured on first contact (0.793) and read afterwards (0.832).
FRESH18_F1_FLOORS = {"roles-defined": 0.82, "decision-making": 0.83, "removal-process": 0.99,
                     "inactivity-policy": 0.88, "vote-of-no-confidence": 0.88, "removal-threshold": 0.94,
                     "restorative-step": 0.54, "escalation-path": 0.7, "conflict-resolution": 0.83,
                     "code-of-conduct": 0.99}
# corpus-fresh19 (42 cases, one restorative positive) was measured on first contact (0.781) and read afterwards (0.802).
FRESH19_F1_FLOORS = {"roles-defined": 0.9, "decision-making": 0.76, "removal-process": 0.87,
                     "inactivity-policy": 0.83, "vote-of-no-confidence": 0.99, "removal-threshold": 0.9,
                     "restorative-step": 0.0, "escalation-path": 0.99, "conflict-resolution": 0.73,
                     "code-of-conduct": 0.99}
# corpus-fresh20 (38 cases) was measured on first contact (0.776) and read afterwards (0.844).
FRESH20_F1_FLOORS = {"roles-defined": 0.97, "decision-making": 0.82, "removal-process": 0.9,
                     "inactivity-policy": 0.85, "vote-of-no-confidence": 0.94, "removal-threshold": 0.94,
                     "restorative-step": 0.5, "escalation-path": 0.85, "conflict-resolution": 0.78,
                     "code-of-conduct": 0.99}
# corpus-fresh21 (37 cases) was measured on first contact (0.674) and read afterwards (0.751).
FRESH21_F1_FLOORS = {"roles-defined": 0.91, "decision-making": 0.89, "removal-process": 0.85, "inactivity-policy": 0.4, "vote-of-no-confidence": 0.88, "removal-threshold": 0.72, "restorative-step": 0, "escalation-path": 0.94, "conflict-resolution": 0.9, "code-of-conduct": 0.98}
# corpus-fresh22 (36 cases) was measured on first contact (0.767) and read afterwards (0.784).
FRESH22_F1_FLOORS = {"roles-defined": 0.8, "decision-making": 0.82, "removal-process": 0.6, "inactivity-policy": 0.8, "vote-of-no-confidence": 0.99, "removal-threshold": 0.99, "restorative-step": 0.5, "escalation-path": 0.6, "conflict-resolution": 0.76, "code-of-conduct": 0.99}
# corpus-fresh23 (34 cases) was measured on first contact (0.757) and read afterwards (0.815).
FRESH23_F1_FLOORS = {"roles-defined": 0.87, "decision-making": 0.9, "removal-process": 0.9, "inactivity-policy": 0.72, "vote-of-no-confidence": 0.9, "removal-threshold": 0.8, "restorative-step": 0.5, "escalation-path": 0.85, "conflict-resolution": 0.76, "code-of-conduct": 0.97}
# corpus-fresh24 (28 cases) was measured on first contact (0.826), then changed once (0.838).
FRESH24_F1_FLOORS = {"roles-defined": 0.86, "decision-making": 0.93, "removal-process": 0.75, "inactivity-policy": 0.8, "vote-of-no-confidence": 0.9, "removal-threshold": 0.99, "restorative-step": 0.66, "escalation-path": 0.8, "conflict-resolution": 0.83, "code-of-conduct": 0.99}
# corpus-fresh25 (40 cases) was measured on first contact (0.722) and read afterwards (0.767).
FRESH25_F1_FLOORS = {"roles-defined": 0.92, "decision-making": 0.92, "removal-process": 0.72, "inactivity-policy": 0.9, "vote-of-no-confidence": 0.75, "removal-threshold": 0.71, "restorative-step": 0.5, "escalation-path": 0.61, "conflict-resolution": 0.74, "code-of-conduct": 0.99}
# corpus-fresh26 (41 cases) was measured on first contact (0.777) and read afterwards (0.810).
FRESH26_F1_FLOORS = {"roles-defined": 0.96, "decision-making": 0.92, "removal-process": 0.8, "inactivity-policy": 0.87, "vote-of-no-confidence": 0.9, "removal-threshold": 0.9, "restorative-step": 0.22, "escalation-path": 0.75, "conflict-resolution": 0.82, "code-of-conduct": 0.96}
# corpus-fresh27 (40 cases) was measured on first contact (0.753) and read afterwards (0.778).
FRESH27_F1_FLOORS = {"roles-defined": 0.88, "decision-making": 0.88, "removal-process": 0.77, "inactivity-policy": 0.72, "vote-of-no-confidence": 0.66, "removal-threshold": 0.66, "restorative-step": 0.8, "escalation-path": 0.8, "conflict-resolution": 0.89, "code-of-conduct": 0.99}
# corpus-fresh28 (37 cases, few positives) was measured on first contact (0.548) and read afterwards (0.740).
FRESH28_F1_FLOORS = {"roles-defined": 0.78, "decision-making": 0.9, "removal-process": 0.85, "inactivity-policy": 0.57, "vote-of-no-confidence": 0.66, "removal-threshold": 0.99, "restorative-step": 0.0, "escalation-path": 0.99, "conflict-resolution": 0.76, "code-of-conduct": 0.99}
# corpus-fresh29 (45 cases) was measured on first contact (0.783) and read afterwards (0.869).
FRESH29_F1_FLOORS = {"roles-defined": 0.86, "decision-making": 0.92, "removal-process": 0.81, "inactivity-policy": 0.75, "vote-of-no-confidence": 0.81, "removal-threshold": 0.9, "restorative-step": 0.8, "escalation-path": 0.88, "conflict-resolution": 0.93, "code-of-conduct": 0.99}
# corpus-fresh30 (36 cases) was measured on first contact (0.729) and read afterwards (0.752).
FRESH30_F1_FLOORS = {"roles-defined": 0.86, "decision-making": 0.88, "removal-process": 0.73, "inactivity-policy": 0.66, "vote-of-no-confidence": 0.83, "removal-threshold": 0.75, "restorative-step": 0.4, "escalation-path": 0.57, "conflict-resolution": 0.84, "code-of-conduct": 0.95}
# corpus-fresh31 (40 cases) was measured on first contact (0.776; 0.773 once a wrong-reason pass was taken back) and read afterwards (0.796).
FRESH31_F1_FLOORS = {"roles-defined": 0.88, "decision-making": 0.9, "removal-process": 0.77, "inactivity-policy": 0.57, "vote-of-no-confidence": 0.87, "removal-threshold": 0.9, "restorative-step": 0.36, "escalation-path": 0.9, "conflict-resolution": 0.78, "code-of-conduct": 0.97}
# corpus-fresh32 (34 cases) was measured on first contact (0.637) and read afterwards (0.664; its two false escalation
# passes are gone, and escalation's F1 is 0 either way).
FRESH32_F1_FLOORS = {"roles-defined": 0.91, "decision-making": 0.86, "removal-process": 0.72, "inactivity-policy": 0.93, "vote-of-no-confidence": 0.8, "removal-threshold": 0.72, "restorative-step": 0.0, "escalation-path": 0.0, "conflict-resolution": 0.66, "code-of-conduct": 0.99}
# corpus-fresh33 (38 cases) was measured on first contact (0.721) and read afterwards (0.754).
FRESH33_F1_FLOORS = {"roles-defined": 0.85, "decision-making": 0.87, "removal-process": 0.85, "inactivity-policy": 0.83, "vote-of-no-confidence": 0.72, "removal-threshold": 0.8, "restorative-step": 0.28, "escalation-path": 0.66, "conflict-resolution": 0.69, "code-of-conduct": 0.94}
# corpus-fresh34 (41 cases) was measured on first contact (0.800) and read afterwards (0.818).
FRESH34_F1_FLOORS = {"roles-defined": 0.89, "decision-making": 0.92, "removal-process": 0.91, "inactivity-policy": 0.8, "vote-of-no-confidence": 0.92, "removal-threshold": 0.9, "restorative-step": 0.6, "escalation-path": 0.4, "conflict-resolution": 0.83, "code-of-conduct": 0.96}
# corpus-fresh35 (39 cases) was measured on first contact (0.812) and read afterwards (0.824).
FRESH35_F1_FLOORS = {"roles-defined": 0.9, "decision-making": 0.94, "removal-process": 0.94, "inactivity-policy": 0.77, "vote-of-no-confidence": 0.89, "removal-threshold": 0.88, "restorative-step": 0.57, "escalation-path": 0.75, "conflict-resolution": 0.64, "code-of-conduct": 0.93}
# corpus-fresh36 (40 cases) was measured on first contact (0.872) and read afterwards (0.882).
FRESH36_F1_FLOORS = {"roles-defined": 0.95, "decision-making": 0.95, "removal-process": 0.95, "inactivity-policy": 0.99, "vote-of-no-confidence": 0.99, "removal-threshold": 0.99, "restorative-step": 0.57, "escalation-path": 0.44, "conflict-resolution": 0.92, "code-of-conduct": 0.99}
# corpus-fresh37 (44 cases) was measured on first contact (0.740) and read afterwards (0.745).
FRESH37_F1_FLOORS = {"roles-defined": 0.86, "decision-making": 0.92, "removal-process": 0.81, "inactivity-policy": 0.53, "vote-of-no-confidence": 0.83, "removal-threshold": 0.87, "restorative-step": 0.16, "escalation-path": 0.83, "conflict-resolution": 0.62, "code-of-conduct": 0.98}
FLOORS = {"shared-corpus": F1_FLOORS, "corpus-extra": EXTRA_F1_FLOORS, "corpus-fresh": FRESH_F1_FLOORS,
          "corpus-fresh2": FRESH2_F1_FLOORS, "corpus-fresh3": FRESH3_F1_FLOORS,
          "corpus-fresh4": FRESH4_F1_FLOORS, "corpus-fresh5": FRESH5_F1_FLOORS, "corpus-fresh6": FRESH6_F1_FLOORS,
          "corpus-fresh7": FRESH7_F1_FLOORS, "corpus-fresh8": FRESH8_F1_FLOORS,
          "corpus-fresh9": FRESH9_F1_FLOORS, "corpus-fresh10": FRESH10_F1_FLOORS,
          "corpus-fresh11": FRESH11_F1_FLOORS, "corpus-fresh12": FRESH12_F1_FLOORS,
          "corpus-fresh13": FRESH13_F1_FLOORS, "corpus-fresh14": FRESH14_F1_FLOORS,
          "corpus-fresh15": FRESH15_F1_FLOORS, "corpus-fresh16": FRESH16_F1_FLOORS,
          "corpus-fresh17": FRESH17_F1_FLOORS, "corpus-fresh18": FRESH18_F1_FLOORS,
          "corpus-fresh19": FRESH19_F1_FLOORS, "corpus-fresh20": FRESH20_F1_FLOORS,
          "corpus-fresh21": FRESH21_F1_FLOORS,
          "corpus-fresh22": FRESH22_F1_FLOORS, "corpus-fresh23": FRESH23_F1_FLOORS,
          "corpus-fresh24": FRESH24_F1_FLOORS, "corpus-fresh25": FRESH25_F1_FLOORS,
          "corpus-fresh26": FRESH26_F1_FLOORS, "corpus-fresh27": FRESH27_F1_FLOORS,
          "corpus-fresh28": FRESH28_F1_FLOORS, "corpus-fresh29": FRESH29_F1_FLOORS,
          "corpus-fresh30": FRESH30_F1_FLOORS, "corpus-fresh31": FRESH31_F1_FLOORS,
          "corpus-fresh32": FRESH32_F1_FLOORS, "corpus-fresh33": FRESH33_F1_FLOORS,
          "corpus-fresh34": FRESH34_F1_FLOORS, "corpus-fresh35": FRESH35_F1_FLOORS,
          "corpus-fresh36": FRESH36_F1_FLOORS, "corpus-fresh37": FRESH37_F1_FLOORS}
# The issue's own bar: a false "you have a removal process" is worse than a miss. Twenty-five sets are not there yet
# (removal 0.923, vote 0.909 on fresh3; escalation 0.800 on fresh5; vote 0.944 on fresh7; vote 0.842, escalation 0.625
# on fresh10; removal 0.929 on fresh11; vote 0.944, escalation 0.833 on fresh12; removal 0.933, vote 0.923 on fresh13;
# vote 0.895 on fresh14; vote 0.929, escalation 0.800 on fresh15; removal 0.938, vote 0.933 on fresh16; removal 0.778
# on fresh19; removal 0.750, vote 0.800 on fresh21; removal 0.600 on fresh22; removal 0.750 on fresh24; removal 0.800,
# vote 0.909, escalation 0.667 on fresh26; removal 0.778, vote 0.667 on fresh27; removal 0.917, vote 0.818 on fresh29;
# removal 0.636, vote 0.714, escalation 0.667 on fresh30; removal 0.824, escalation 0.833 on fresh31; removal 0.889 on
# fresh32; removal 0.900, vote 0.667 on fresh33; vote 0.857, escalation 0.500 on fresh34; vote 0.867 on fresh35;
# escalation 0.500 on fresh36; vote 0.909 on fresh37):
# their floors are what they reached, to be raised.
PRECISION_FLOORS = {"removal-process": 0.95, "vote-of-no-confidence": 0.95, "escalation-path": 0.95}
SET_PRECISION_FLOORS = {
    "corpus-fresh2": {"removal-process": 0.99, "vote-of-no-confidence": 0.96, "escalation-path": 0.99},
    "corpus-fresh3": {"removal-process": 0.92, "vote-of-no-confidence": 0.90, "escalation-path": 0.99},
    "corpus-fresh5": {"removal-process": 0.99, "vote-of-no-confidence": 0.99, "escalation-path": 0.8},
    "corpus-fresh6": {"removal-process": 0.96, "vote-of-no-confidence": 0.95, "escalation-path": 0.99},
    "corpus-fresh7": {"removal-process": 0.96, "vote-of-no-confidence": 0.94, "escalation-path": 0.99},
    "corpus-fresh9": {"removal-process": 0.95, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh10": {"removal-process": 0.95, "vote-of-no-confidence": 0.84, "escalation-path": 0.62},
    "corpus-fresh11": {"removal-process": 0.92, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh12": {"removal-process": 0.95, "vote-of-no-confidence": 0.94, "escalation-path": 0.83},
    "corpus-fresh13": {"removal-process": 0.93, "vote-of-no-confidence": 0.92, "escalation-path": 0.99},
    "corpus-fresh14": {"removal-process": 0.95, "vote-of-no-confidence": 0.89, "escalation-path": 0.99},
    "corpus-fresh15": {"removal-process": 0.99, "vote-of-no-confidence": 0.92, "escalation-path": 0.8},
    "corpus-fresh16": {"removal-process": 0.93, "vote-of-no-confidence": 0.93, "escalation-path": 0.99},
    "corpus-fresh17": {"removal-process": 0.99, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh18": {"removal-process": 0.99, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh19": {"removal-process": 0.77, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh20": {"removal-process": 0.99, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh21": {"removal-process": 0.75, "vote-of-no-confidence": 0.8, "escalation-path": 0.99},
    "corpus-fresh22": {"removal-process": 0.6, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh23": {"removal-process": 0.99, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh24": {"removal-process": 0.75, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh25": {"removal-process": 0.99, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh26": {"removal-process": 0.8, "vote-of-no-confidence": 0.9, "escalation-path": 0.66},
    "corpus-fresh27": {"removal-process": 0.77, "vote-of-no-confidence": 0.66, "escalation-path": 0.99},
    "corpus-fresh28": {"removal-process": 0.99, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh29": {"removal-process": 0.91, "vote-of-no-confidence": 0.81, "escalation-path": 0.99},
    "corpus-fresh30": {"removal-process": 0.63, "vote-of-no-confidence": 0.71, "escalation-path": 0.66},
    "corpus-fresh31": {"removal-process": 0.82, "vote-of-no-confidence": 0.99, "escalation-path": 0.83},
    "corpus-fresh32": {"removal-process": 0.88, "vote-of-no-confidence": 0.99, "escalation-path": 0.99},
    "corpus-fresh33": {"removal-process": 0.9, "vote-of-no-confidence": 0.66, "escalation-path": 0.99},
    "corpus-fresh34": {"removal-process": 0.99, "vote-of-no-confidence": 0.85, "escalation-path": 0.5},
    "corpus-fresh35": {"removal-process": 0.99, "vote-of-no-confidence": 0.86, "escalation-path": 0.99},
    "corpus-fresh36": {"removal-process": 0.99, "vote-of-no-confidence": 0.99, "escalation-path": 0.5},
    "corpus-fresh37": {"removal-process": 0.99, "vote-of-no-confidence": 0.9, "escalation-path": 0.99},
}

SETS = {"shared-corpus": CORPUS, "corpus-extra": FIXTURES / "corpus-extra", "corpus-fresh": FIXTURES / "corpus-fresh",
        "corpus-fresh2": FIXTURES / "corpus-fresh2", "corpus-fresh3": FIXTURES / "corpus-fresh3",
        "corpus-fresh4": FIXTURES / "corpus-fresh4", "corpus-fresh5": FIXTURES / "corpus-fresh5",
        "corpus-fresh6": FIXTURES / "corpus-fresh6", "corpus-fresh7": FIXTURES / "corpus-fresh7",
        "corpus-fresh8": FIXTURES / "corpus-fresh8", "corpus-fresh9": FIXTURES / "corpus-fresh9",
        "corpus-fresh10": FIXTURES / "corpus-fresh10", "corpus-fresh11": FIXTURES / "corpus-fresh11",
        "corpus-fresh12": FIXTURES / "corpus-fresh12", "corpus-fresh13": FIXTURES / "corpus-fresh13",
        "corpus-fresh14": FIXTURES / "corpus-fresh14", "corpus-fresh15": FIXTURES / "corpus-fresh15",
        "corpus-fresh16": FIXTURES / "corpus-fresh16", "corpus-fresh17": FIXTURES / "corpus-fresh17",
        "corpus-fresh18": FIXTURES / "corpus-fresh18", "corpus-fresh19": FIXTURES / "corpus-fresh19",
        "corpus-fresh20": FIXTURES / "corpus-fresh20", "corpus-fresh21": FIXTURES / "corpus-fresh21",
        "corpus-fresh22": FIXTURES / "corpus-fresh22", "corpus-fresh23": FIXTURES / "corpus-fresh23",
        "corpus-fresh24": FIXTURES / "corpus-fresh24", "corpus-fresh25": FIXTURES / "corpus-fresh25",
        "corpus-fresh26": FIXTURES / "corpus-fresh26", "corpus-fresh27": FIXTURES / "corpus-fresh27",
        "corpus-fresh28": FIXTURES / "corpus-fresh28", "corpus-fresh29": FIXTURES / "corpus-fresh29",
        "corpus-fresh30": FIXTURES / "corpus-fresh30", "corpus-fresh31": FIXTURES / "corpus-fresh31",
        "corpus-fresh32": FIXTURES / "corpus-fresh32", "corpus-fresh33": FIXTURES / "corpus-fresh33",
        "corpus-fresh34": FIXTURES / "corpus-fresh34", "corpus-fresh35": FIXTURES / "corpus-fresh35",
        "corpus-fresh36": FIXTURES / "corpus-fresh36", "corpus-fresh37": FIXTURES / "corpus-fresh37"}


def _evaluate(folder):
    if not (folder / "labels.yaml").is_file():
        pytest.skip(f"the labelled corpus is not checked out at {folder}")
    return benchmark("accuracy").evaluate(folder, folder / "labels.yaml")


# The thirty-eight labelled sets beyond the shared corpus (1,554 cases, ~180 s together) run with the slow
# tests, in .ci/run; the default suite keeps the shared corpus (28 cases), which every rule
# change is first checked on.
SLOW_SETS = {"corpus-extra", "corpus-fresh", "corpus-fresh2", "corpus-fresh3", "corpus-fresh4", "corpus-fresh5",
             "corpus-fresh6", "corpus-fresh7", "corpus-fresh8", "corpus-fresh9", "corpus-fresh10", "corpus-fresh11",
             "corpus-fresh12", "corpus-fresh13", "corpus-fresh14", "corpus-fresh15", "corpus-fresh16",
             "corpus-fresh17", "corpus-fresh18", "corpus-fresh19", "corpus-fresh20",
             "corpus-fresh21", "corpus-fresh22", "corpus-fresh23", "corpus-fresh24", "corpus-fresh25",
             "corpus-fresh26", "corpus-fresh27", "corpus-fresh28",
             "corpus-fresh29", "corpus-fresh30", "corpus-fresh31", "corpus-fresh32", "corpus-fresh33", "corpus-fresh34",
             "corpus-fresh35", "corpus-fresh36", "corpus-fresh37"}


@pytest.fixture(scope="module", params=[pytest.param(name, marks=pytest.mark.slow) if name in SLOW_SETS else name
                                        for name in sorted(SETS)])
def labelled(request):
    return request.param, _evaluate(SETS[request.param])


@pytest.fixture
def result(labelled):
    return labelled[1]


def _disagreements(result, rule):
    return [f"{d['case']}: label {d['label']}, govlint {d['govlint']}; {d['label_evidence'] or d['govlint_evidence']}"
            for d in result["disagreements"] if d.get("rule") == rule]


def test_every_labelled_rule_has_a_floor(result):
    assert set(result["rules"]) == set(F1_FLOORS)


@pytest.mark.parametrize("rule", sorted(F1_FLOORS))
def test_f1_stays_at_or_above_its_floor(labelled, rule):
    name, result = labelled
    table = result["rules"][rule]
    assert table["f1"] >= FLOORS[name][rule], (table, _disagreements(result, rule))


@pytest.mark.parametrize("rule", sorted(PRECISION_FLOORS))
def test_precision_where_a_false_alarm_hurts(labelled, rule):
    name, result = labelled
    table = result["rules"][rule]
    floor = SET_PRECISION_FLOORS.get(name, PRECISION_FLOORS)[rule]
    assert table["precision"] >= floor, (table, _disagreements(result, rule))


def test_no_case_lacks_documents(result):
    assert not [d for d in result["disagreements"] if d.get("rule") == "*"]
