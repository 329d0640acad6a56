import { findEntities } from '../../functions/core/entities';
import { splitSentences } from '../../functions/core/sentences';

/** The names found in a paragraph of text, split into sentences as the service does. */
const names = (text: string, language: string) =>
  findEntities(
    text.split(/\n+/u).flatMap((paragraph) => splitSentences(paragraph)),
    language,
  ).map((entity) => entity.name);

describe('findEntities in German, where every noun is capitalised', () => {
  const found = names(
    [
      'Die Kommission in Brüssel hat am Mittwoch neue Regeln vorgelegt. Details zur Finanzierung nannte sie nicht.',
      'Kommissionschefin Ursula von der Leyen sagte, der Klimaschutz habe Vorrang. Bundeskanzler Olaf Scholz lobte den Plan.',
      'Die Regierung erklärte den Klimaschutz zur Priorität. Im Osten der Hauptstadt Berlin demonstrierten Hunderte.',
      'Scholz sprach mit von der Leyen, danach trafen sich die Minister im Norden der Stadt.',
    ].join('\n'),
    'de',
  );

  it('finds people and places, a name with particles whole', () => {
    expect(found).toEqual(expect.arrayContaining(['Ursula von der Leyen', 'Olaf Scholz', 'Berlin', 'Brüssel']));
  });

  it('takes no capitalised noun for a name, and ends a run at a function word', () => {
    for (const name of found) {
      expect(name).not.toMatch(/Details|Finanzierung|Klimaschutz|Priorität|Osten|Hauptstadt|Norden|Stadt|Regierung/u);
    }
  });

  it('needs evidence for a run of nouns: an article before one, an adjective of a place, a title', () => {
    const more = names(
      [
        'Die Polizei fand eine Menge Akten im Keller. Der Zeuge sagte vor dem Landgericht Kaiserslautern aus.',
        'Das Karlsruher Urteil traf die Regierung hart. Die Deutsche Bahn stellte den Verkehr ein.',
        'Nach dem Treffen mit dem Erzrivalen Hertha Zehlendorf reiste Torwart Jonas Pfeiffer nach Hause. Pfeiffer war müde.',
        'Zur Versammlung kam die Jugendorganisation „Blaue Zukunft“ in großer Zahl.',
      ].join('\n'),
      'de',
    );
    expect(more).toEqual(
      expect.arrayContaining(['Landgericht Kaiserslautern', 'Deutsche Bahn', 'Hertha Zehlendorf', 'Jonas Pfeiffer']),
    );
    expect(more).toContain('Blaue Zukunft');
    for (const wrong of ['Menge Akten', 'Akten', 'Karlsruher Urteil', 'Erzrivalen Hertha Zehlendorf']) {
      expect(more).not.toContain(wrong);
    }
    expect(more.some((name) => name.includes('Torwart'))).toBe(false);
  });

  it('tells a given name after an article from a noun: "ein Olaf Scholz" stays a name', () => {
    const found = names(
      'Ein Olaf Scholz verhandelt lieber im Stillen. Scholz sagte am Abend nichts. Dann ging Scholz nach Hause.',
      'de',
    );
    expect(found).toContain('Olaf Scholz');
  });

  it('ends a run at a genitive of a name the article uses: "Thomas Berger Lindners Partei"', () => {
    const found = names(
      [
        'Am Montag sprach Christian Lindner in Köln. Lindner wirkte gelassen.',
        'Am Dienstag nannte der Forscher Thomas Berger Lindners Partei eine Gefahr für die Koalition.',
      ].join('\n'),
      'de',
    );
    expect(found).toEqual(expect.arrayContaining(['Christian Lindner', 'Thomas Berger']));
    expect(found.some((name) => name.includes('Lindners'))).toBe(false);
  });

  it('takes a compound on an acronym for a role before the name: "EU-Außenbeauftragte Piet Hagedorn"', () => {
    const found = names('In Brüssel sagte der EU-Außenbeauftragte Piet Hagedorn am Montag, die Lage sei ernst.', 'de');
    expect(found).toContain('Piet Hagedorn');
    expect(found.some((name) => name.includes('EU-Außenbeauftragte'))).toBe(false);
  });
});

describe('findEntities with initials, links and shouted headings', () => {
  it('keeps an initial inside a name and leaves a leading common noun out: "Peter R. de Vries"', () => {
    const text =
      'Misdaadjournalist Peter R. de Vries werd dinsdag in Amsterdam neergeschoten. Volgens de politie is de toestand van De Vries ernstig.';
    expect(splitSentences(text)).toHaveLength(2);
    const found = names(text, 'nl');
    expect(found).toContain('Peter R. de Vries');
    expect(found).not.toContain('Vries');
    expect(found.some((name) => name.includes('Misdaadjournalist'))).toBe(false);
  });

  it('keeps a name ending on an initial: "verdachte Jan K." and "Sanne V."', () => {
    const found = names(
      'De rechter veroordeelde verdachte Jan K. (24) tot een werkstraf. Ook Sanne V. kreeg een boete in Utrecht.',
      'nl',
    );
    expect(found).toEqual(expect.arrayContaining(['Jan K.', 'Sanne V.']));
  });

  it('takes no tweet id, link or handle for a name', () => {
    const found = names(
      'De burgemeester van Utrecht reageerde op Twitter. Wij zijn geschokt pic.twitter.com/QxZ4kP9tLm — Gemeente Utrecht (@GemeenteUtrecht) 4 mei 2024. Meer op https://www.Utrecht.nl/Nieuws of via #UtrechtHelpt en @NOSnieuws.',
      'nl',
    );
    expect(found).toContain('Gemeente Utrecht');
    for (const name of found) expect(name).not.toMatch(/QxZ4kP9tLm|GemeenteUtrecht|Nieuws|UtrechtHelpt|NOSnieuws/u);
  });

  it('reads a heading in capitals as words, an acronym as a name', () => {
    const found = names(
      'WHAT HAPPENED? Leeds beat Fulham at Elland Road. THE BIGGER PICTURE Leeds stay tenth, said NATO fan Tom Clark.',
      'en',
    );
    expect(found).toEqual(expect.arrayContaining(['Leeds', 'NATO', 'Elland Road']));
    for (const name of found) expect(name).not.toMatch(/HAPPENED|BIGGER|PICTURE/u);
  });
});

describe('findEntities with roles, titles and nationalities before a name', () => {
  it('drops a role before a name, a compound on a lower-case noun included', () => {
    const found = names(
      'Formateur Rutte ontving vrijdag de partijleiders. PSV-doelman Yvon Mvogo keepte sterk, zei Kamerlid Stientje van Veldhoven.',
      'nl',
    );
    expect(found).toEqual(expect.arrayContaining(['Rutte', 'Yvon Mvogo', 'Stientje van Veldhoven']));
    for (const name of found) expect(name).not.toMatch(/Formateur|PSV-doelman|Kamerlid/u);
  });

  it('takes no people of a place for a name: Amsterdammers, Kenyans', () => {
    expect(names('De Amsterdammers wonnen in Rotterdam van de Rotterdammers.', 'nl')).toEqual(['Rotterdam']);
    const english = names(
      'Kenyans marched in Nairobi, the capital of Kenya, and in other Kenyan towns, where the Kenyan Government said the government would listen.',
      'en',
    );
    expect(english).toEqual(expect.arrayContaining(['Nairobi', 'Kenya']));
    for (const name of english) expect(name).not.toMatch(/Kenyan/u);
  });

  it('keeps a title after an article in a name, and the words of a title out of one', () => {
    const found = names(
      'Arsenal lead the Premier League. Israeli Prime Minister Benjamin Netanyahu met Union Home Minister Amit Shah, the PM said.',
      'en',
    );
    expect(found).toEqual(expect.arrayContaining(['Premier League', 'Benjamin Netanyahu', 'Amit Shah']));
    for (const name of found) expect(name).not.toMatch(/Prime|Union Home|^PM$/u);
  });

  it('keeps a surname ending in -ic and a possessive s’ inside a name', () => {
    const found = names(
      'Carlos Alcaraz beat Novak Djokovic at St James’ Park. Djokovic said he was tired, as he had been in Jan 28 games.',
      'en',
    );
    expect(found).toEqual(expect.arrayContaining(['Novak Djokovic', 'St James’ Park', 'Carlos Alcaraz']));
    expect(found).not.toContain('Novak');
    expect(found).not.toContain('Jan');
  });

  it('leaves a word the article writes in lower case off the end of a name it writes alone', () => {
    const found = names('He won his first Wimbledon Title. Wimbledon is his favourite; the title was his tenth.', 'en');
    expect(found).toContain('Wimbledon');
    expect(found).not.toContain('Wimbledon Title');
  });
});

describe('findEntities with a place at the end of a longer name', () => {
  it('keeps the place apart from a party named after it: "Leefbaar Utrecht" and "Utrecht"', () => {
    const text =
      'Leefbaar Utrecht wint de verkiezingen in Utrecht. In Utrecht stemde bijna de helft. Leefbaar Utrecht krijgt elf zetels.';
    const found = findEntities(splitSentences(text), 'nl');
    const party = found.find((entity) => entity.name === 'Leefbaar Utrecht');
    expect(party?.short).toBeUndefined();
    expect(found.map((entity) => entity.name)).toContain('Utrecht');
  });

  it('still takes a surname alone for the full name the article uses', () => {
    const found = findEntities(splitSentences('Joe Biden sprak met Poetin. Volgens Biden ging het goed.'), 'nl');
    expect(found.find((entity) => entity.name === 'Joe Biden')?.short).toBe('Biden');
  });
});
