"""Shared helpers for the tests (not tests themselves): harnesses, fake servers, sample builders."""
