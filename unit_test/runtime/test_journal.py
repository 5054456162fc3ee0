"""The journal: what was appended survives a reopen until acknowledged, the file is compacted,
and an append beyond the bounds or refused by the disk is refused whole."""

import errno
import json

import pytest

from komand_okta.runtime import journal as journal_module
from komand_okta.runtime.journal import Journal


def records(journal, limit=100):
    return [record for _, _, record in journal.pending(limit)]


@pytest.fixture
def path(tmp_path):
    return tmp_path / "t1.hook-journal.jsonl"


def test_appended_records_are_pending_in_order_with_their_keys(path):
    journal = Journal(path).open(0)
    assert journal.append([("a", {"n": 1}), (None, {"n": 2})])
    assert journal.pending(10) == [(1, "a", {"n": 1}), (2, None, {"n": 2})]
    assert "a" in journal and len(journal) == 2


def test_records_survive_a_reopen_until_acknowledged(path):
    first = Journal(path).open(0)
    first.append([("a", 1), ("b", 2), ("c", 3)])
    first.close()
    assert records(Journal(path).open(1)) == [2, 3]


def test_sequence_numbers_go_on_after_a_reopen_with_everything_acknowledged(path):
    first = Journal(path).open(0)
    first.append([("a", 1), ("b", 2)])
    first.acknowledge(2)
    first.close()
    again = Journal(path).open(2)
    again.append([("c", 3)])
    assert again.pending(10) == [(3, "c", 3)]


def test_acknowledging_everything_empties_the_file(path):
    journal = Journal(path).open(0)
    journal.append([("a", 1), ("b", 2)])
    journal.acknowledge(2)
    assert path.read_bytes() == b"" and len(journal) == 0 and "a" not in journal


def test_acknowledged_records_are_compacted_away_once_they_outweigh_the_pending_ones(path, monkeypatch):
    monkeypatch.setattr(journal_module, "COMPACT_BYTES", 1)
    journal = Journal(path).open(0)
    journal.append([(str(n), {"n": n}) for n in range(1, 11)])
    journal.acknowledge(8)
    assert [json.loads(line)["seq"] for line in path.read_text().splitlines()] == [9, 10]
    journal.append([("11", {"n": 11})])
    assert [json.loads(line)["seq"] for line in path.read_text().splitlines()] == [9, 10, 11]


def test_a_few_acknowledged_records_are_not_worth_a_rewrite(path):
    journal = Journal(path).open(0)
    journal.append([(str(n), n) for n in range(1, 5)])
    journal.acknowledge(1)
    assert len(path.read_text().splitlines()) == 4 and records(journal) == [2, 3, 4]


def test_a_torn_last_line_is_dropped_on_open(path):
    journal = Journal(path).open(0)
    journal.append([("a", 1)])
    journal.close()
    with open(path, "ab") as handle:
        handle.write(b'{"seq": 2, "key": "b", "rec')
    reopened = Journal(path).open(0)
    assert records(reopened) == [1] and path.read_text().count("\n") == 1
    reopened.append([("c", 3)])
    assert reopened.pending(10)[-1] == (2, "c", 3)


def test_more_records_than_the_bound_are_refused_whole(path, monkeypatch):
    monkeypatch.setattr(journal_module, "MAX_RECORDS", 3)
    journal = Journal(path).open(0)
    assert journal.append([("a", 1), ("b", 2)])
    assert not journal.append([("c", 3), ("d", 4)])
    assert records(journal) == [1, 2] and len(path.read_text().splitlines()) == 2


def test_a_file_past_its_byte_bound_refuses_more(path, monkeypatch):
    monkeypatch.setattr(journal_module, "MAX_BYTES", 100)
    journal = Journal(path).open(0)
    assert not journal.append([("a", "x" * 100)])
    assert journal.append([("b", "small")])


def test_a_full_disk_refuses_the_append_and_leaves_the_file_as_it_was(path, monkeypatch):
    journal = Journal(path).open(0)
    journal.append([("a", 1)])
    before = path.read_bytes()
    real_write = journal_module.os.write

    def half_then_full(fd, data):
        real_write(fd, data[:5])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal_module.os, "write", half_then_full)
    assert not journal.append([("b", 2)])
    monkeypatch.setattr(journal_module.os, "write", real_write)
    assert path.read_bytes() == before and records(journal) == [1]
    assert journal.append([("b", 2)]) and records(Journal(path).open(0)) == [1, 2]


def test_without_a_path_the_journal_works_in_memory(tmp_path):
    journal = Journal().open(5)
    journal.append([("a", 1)])
    journal.acknowledge(6)
    journal.append([("b", 2)])
    assert journal.pending(10) == [(7, "b", 2)] and list(tmp_path.iterdir()) == []


def test_a_compaction_the_disk_refuses_keeps_the_journal_working(path, monkeypatch):
    journal = Journal(path).open(0)
    journal.append([("a", 1), ("b", 2)])
    real_fsync = journal_module.os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal_module.os, "fsync", full)
    assert not journal.acknowledge(2)
    monkeypatch.setattr(journal_module.os, "fsync", real_fsync)
    assert journal.append([("c", 3)]) and journal.acknowledge(2)
    assert records(Journal(path).open(2)) == [3]
