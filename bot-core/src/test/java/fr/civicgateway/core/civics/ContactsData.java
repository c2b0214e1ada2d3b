package fr.civicgateway.core.civics;

import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Scrutin;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fake parliament, with the contact channels a test gives it. */
final class ContactsData implements ParliamentData {

    private final FakeParliamentData fake = new FakeParliamentData();
    final Map<String, Contacts> contacts = new HashMap<>();

    @Override
    public Contacts contacts(String deputyUid) {
        return contacts.getOrDefault(deputyUid, Contacts.NONE);
    }

    @Override
    public DataInfo info() {
        return fake.info();
    }

    @Override
    public Collection<Deputy> deputies() {
        return fake.deputies();
    }

    @Override
    public Optional<Deputy> deputy(String uid) {
        return fake.deputy(uid);
    }

    @Override
    public Optional<Deputy> deputyOf(String constituencyId) {
        return fake.deputyOf(constituencyId);
    }

    @Override
    public Optional<PoliticalGroup> group(String organeUid) {
        return fake.group(organeUid);
    }

    @Override
    public Collection<PoliticalGroup> groups() {
        return fake.groups();
    }

    @Override
    public Optional<Scrutin> scrutin(int number) {
        return fake.scrutin(number);
    }

    @Override
    public List<Scrutin> scrutins() {
        return fake.scrutins();
    }

    @Override
    public DeputyVote vote(String deputyUid, int scrutinNumber) {
        return fake.vote(deputyUid, scrutinNumber);
    }
}
