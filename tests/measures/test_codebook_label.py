"""A study's own frames.yaml is named as the study's codebook, not as the shipped diplomacy one."""

from __future__ import annotations

import shutil

from analysis.core.resources import PACKAGE_DIR
from analysis.measures import framing


def test_shipped_codebooks_keep_their_names(monkeypatch):
    monkeypatch.delenv("ANALYSIS_RESOURCES", raising=False)
    assert framing.codebook_label("diplomacy") == "diplomacy"
    assert framing.codebook_label("generic") == "generic"


def test_a_study_folder_codebook_is_the_study_s(monkeypatch, tmp_path):
    shutil.copy(PACKAGE_DIR / "frames.yaml", tmp_path / "frames.yaml")
    monkeypatch.setenv("ANALYSIS_RESOURCES", str(tmp_path))
    assert framing.codebook_label("diplomacy") == "study"
    assert "the study's own (`frames.yaml`)" in framing.codebook_summary("diplomacy")
    assert framing.codebook_label("generic") == "generic"  # the study folder has no frames_generic.yaml
