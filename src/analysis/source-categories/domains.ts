/**
 * The source-category domain list: well-known sites by category, matched on a citation's
 * registrable domain or any parent of its host (en.wikipedia.org → wikipedia.org). Its sources and
 * how to update it are in docs/analysis-rules.md ("Source categories"); bump VERSION on any change.
 */
export const SOURCE_CATEGORIES = [
  'own',
  'competitor',
  'forum',
  'video',
  'social',
  'review',
  'news',
  'reference',
  'institutional',
  'marketplace',
  'other',
] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

/** Categories a domain list entry or a workspace override may give (own and competitor come from brands). */
export const LISTED_CATEGORIES = SOURCE_CATEGORIES.filter(
  (c): c is Exclude<SourceCategory, 'own' | 'competitor'> => c !== 'own' && c !== 'competitor',
);
export type ListedCategory = (typeof LISTED_CATEGORIES)[number];

export const DOMAIN_LIST_VERSION = 1;

const list = (category: ListedCategory, domains: string): Array<[string, ListedCategory]> =>
  domains
    .split(/\s+/)
    .filter(Boolean)
    .map((d) => [d, category]);

export const DOMAIN_LIST: ReadonlyMap<string, ListedCategory> = new Map([
  ...list(
    'forum',
    `reddit.com redd.it quora.com stackexchange.com stackoverflow.com superuser.com serverfault.com askubuntu.com
     mathoverflow.net discourse.org news.ycombinator.com ycombinator.com slashdot.org producthunt.com indiehackers.com
     dev.to hashnode.com community.spiceworks.com spiceworks.com xda-developers.com
     answers.microsoft.com discord.com discord.gg lemmy.world kbin.social 4chan.org somethingawful.com resetera.com
     neogaf.com head-fi.org avsforum.com bogleheads.org fatwallet.com flyertalk.com city-data.com
     mumsnet.com netmums.com babycenter.com whirlpool.net.au gutefrage.net commentcamarche.net jeuxvideo.com
     forocoches.com zhihu.com tieba.baidu.com 2ch.net 5ch.net v2ex.com hackernoon.com lobste.rs
     community.shopify.com github.community stackshare.io answers.com chegg.com brainly.com`,
  ),
  ...list(
    'video',
    `youtube.com youtu.be vimeo.com dailymotion.com twitch.tv tiktok.com bilibili.com rumble.com wistia.com
     vidyard.com loom.com ted.com nicovideo.jp youku.com iqiyi.com odysee.com bitchute.com vevo.com
     netflix.com hulu.com primevideo.com disneyplus.com`,
  ),
  ...list(
    'social',
    `facebook.com fb.com instagram.com twitter.com x.com t.co linkedin.com lnkd.in pinterest.com snapchat.com
     threads.net mastodon.social bsky.app tumblr.com weibo.com vk.com ok.ru telegram.org t.me whatsapp.com
     medium.com substack.com blogspot.com wordpress.com blogger.com line.me xing.com nextdoor.com flickr.com
     behance.net dribbble.com goodreads.com letterboxd.com strava.com`,
  ),
  ...list(
    'review',
    `g2.com capterra.com trustpilot.com trustradius.com getapp.com softwareadvice.com gartner.com
     peerspot.com sourceforge.net alternativeto.net saashub.com yelp.com tripadvisor.com
     consumerreports.org which.co.uk rtings.com wirecutter.com tomsguide.com tomshardware.com pcmag.com
     cnet.com techradar.com zdnet.com nerdwallet.com bankrate.com investopedia.com thepointsguy.com
     glassdoor.com sitejabber.com bbb.org reviews.io feefo.com yotpo.com clutch.co
     goodfirms.co featuredcustomers.com crozdesk.com financesonline.com selecthub.com technologyadvice.com
     versus.com productreview.com.au kununu.com avis-verifies.com ekomi.com
     consumeraffairs.com angi.com angieslist.com houzz.com thumbtack.com expertise.com
     rottentomatoes.com metacritic.com imdb.com ign.com gamespot.com dpreview.com notebookcheck.net
     anandtech.com gsmarena.com kelkoo.com idealo.de pricerunner.com camelcamelcamel.com`,
  ),
  ...list(
    'news',
    `nytimes.com washingtonpost.com wsj.com ft.com economist.com bloomberg.com reuters.com apnews.com bbc.com
     bbc.co.uk cnn.com foxnews.com nbcnews.com cbsnews.com abcnews.go.com npr.org theguardian.com
     independent.co.uk telegraph.co.uk thetimes.co.uk dailymail.co.uk usatoday.com latimes.com chicagotribune.com
     bostonglobe.com politico.com axios.com theatlantic.com newyorker.com time.com newsweek.com forbes.com
     fortune.com businessinsider.com insider.com cnbc.com marketwatch.com barrons.com fool.com seekingalpha.com
     techcrunch.com theverge.com wired.com arstechnica.com engadget.com gizmodo.com mashable.com venturebeat.com
     thenextweb.com recode.net vox.com huffpost.com buzzfeed.com buzzfeednews.com vice.com slate.com salon.com
     lemonde.fr lefigaro.fr liberation.fr lesechos.fr leparisien.fr francetvinfo.fr 20minutes.fr ouest-france.fr
     spiegel.de zeit.de faz.net sueddeutsche.de handelsblatt.com welt.de bild.de heise.de golem.de t3n.de
     elpais.com elmundo.es abc.es lavanguardia.com corriere.it repubblica.it lastampa.it ilsole24ore.com
     nrc.nl volkskrant.nl nos.nl aftonbladet.se dn.se svt.se nzz.ch tagesanzeiger.ch derstandard.at
     asahi.com nikkei.com japantimes.co.jp scmp.com straitstimes.com thehindu.com timesofindia.indiatimes.com
     hindustantimes.com abc.net.au smh.com.au theage.com.au news.com.au cbc.ca theglobeandmail.com
     aljazeera.com dw.com france24.com euronews.com rfi.fr lesnumeriques.com 01net.com journaldunet.com
     adweek.com adage.com marketingweek.com campaignlive.co.uk searchengineland.com searchenginejournal.com
     marketingland.com digiday.com fastcompany.com inc.com entrepreneur.com hbr.org mckinsey.com
     zdnet.de computerweekly.com theregister.com infoworld.com cio.com csoonline.com darkreading.com
     bleepingcomputer.com 9to5mac.com macrumors.com androidauthority.com androidcentral.com theinformation.com
     sifted.eu techeu.com siliconrepublic.com yahoo.com news.yahoo.com finance.yahoo.com msn.com news.google.com
     semafor.com propublica.org theintercept.com statnews.com healthline.com webmd.com
     medicalnewstoday.com mayoclinic.org clevelandclinic.org`,
  ),
  ...list(
    'reference',
    `wikipedia.org wikimedia.org wikidata.org wiktionary.org wikihow.com britannica.com merriam-webster.com
     dictionary.com thesaurus.com oxforddictionaries.com oed.com lexico.com cambridge.org collinsdictionary.com
     larousse.fr lerobert.com duden.de rae.es treccani.it vocabulary.com thefreedictionary.com urbandictionary.com
     wordreference.com linguee.com deepl.com translate.google.com scholar.google.com arxiv.org ssrn.com
     researchgate.net academia.edu jstor.org pubmed.ncbi.nlm.nih.gov doi.org springer.com link.springer.com
     sciencedirect.com elsevier.com wiley.com onlinelibrary.wiley.com tandfonline.com nature.com science.org
     plos.org frontiersin.org mdpi.com ieee.org acm.org semanticscholar.org statista.com ourworldindata.org
     worldometers.info fandom.com wikia.com archive.org web.archive.org gutenberg.org openlibrary.org
     developer.mozilla.org mozilla.org w3schools.com geeksforgeeks.org tutorialspoint.com docs.python.org
     readthedocs.io readthedocs.org github.com gitlab.com bitbucket.org npmjs.com pypi.org crates.io
     maven.apache.org mdn.io learn.microsoft.com docs.microsoft.com support.google.com developers.google.com
     support.apple.com developer.apple.com howstuffworks.com encyclopedia.com
     infoplease.com snopes.com factcheck.org politifact.com quizlet.com khanacademy.org coursera.org edx.org
     udemy.com`,
  ),
  ...list(
    'institutional',
    `who.int un.org europa.eu oecd.org worldbank.org imf.org wto.org iso.org iec.ch itu.int ietf.org
     rfc-editor.org w3.org ecma-international.org unicode.org ansi.org nist.gov afnor.org din.de bsigroup.com
     cen.eu etsi.org ieee-sa.org owasp.org cisecurity.org nih.gov cdc.gov fda.gov nhs.uk gov.uk service-public.fr
     legifrance.gouv.fr insee.fr bundesregierung.de destatis.de ons.gov.uk census.gov bls.gov sec.gov ftc.gov
     irs.gov usa.gov data.gov eurostat.ec.europa.eu ec.europa.eu ecb.europa.eu federalreserve.gov
     bankofengland.co.uk bis.org fsb.org iea.org ipcc.ch unesco.org unicef.org wipo.int icann.org iana.org
     mit.edu stanford.edu harvard.edu ox.ac.uk cam.ac.uk ethz.ch epfl.ch sorbonne-universite.fr
     polytechnique.edu cnrs.fr inria.fr inserm.fr max-planck.de mpg.de fraunhofer.de redcross.org
     amnesty.org hrw.org greenpeace.org wwf.org gatesfoundation.org`,
  ),
  ...list(
    'marketplace',
    `amazon.com amazon.co.uk amazon.de amazon.fr amazon.it amazon.es amazon.ca amazon.co.jp amazon.in amazon.com.au
     amazon.nl amazon.se amazon.com.br amazon.com.mx ebay.com ebay.co.uk ebay.de ebay.fr etsy.com walmart.com
     target.com bestbuy.com costco.com homedepot.com lowes.com wayfair.com ikea.com aliexpress.com alibaba.com
     temu.com shein.com wish.com rakuten.com rakuten.co.jp mercadolibre.com mercadolivre.com.br flipkart.com
     jd.com taobao.com tmall.com shopee.com lazada.com zalando.com zalando.de zalando.fr otto.de cdiscount.com
     fnac.com darty.com boulanger.com leboncoin.fr vinted.com vinted.fr bol.com allegro.pl newegg.com
     bhphotovideo.com microcenter.com argos.co.uk currys.co.uk johnlewis.com tesco.com sainsburys.co.uk
     asos.com booking.com expedia.com hotels.com airbnb.com kayak.com skyscanner.net trivago.com
     apps.apple.com play.google.com chrome.google.com appsumo.com gumroad.com
     marketplace.atlassian.com aws.amazon.com.marketplace marketplace.visualstudio.com
     wordpress.org plugins.wordpress.org chewy.com sephora.com ulta.com zappos.com overstock.com
     mediamarkt.de saturn.de conrad.de decathlon.com decathlon.fr manomano.fr castorama.fr leroymerlin.fr
     carrefour.fr auchan.fr`,
  ),
]);

/** Hostname suffixes whose every site is institutional (government, education, international bodies). */
export const INSTITUTIONAL_SUFFIXES: readonly string[] = [
  'gov',
  'mil',
  'edu',
  'int',
  'gov.uk',
  'ac.uk',
  'nhs.uk',
  'gouv.fr',
  'gov.au',
  'edu.au',
  'gc.ca',
  'gov.in',
  'ac.in',
  'edu.in',
  'go.jp',
  'ac.jp',
  'gov.br',
  'edu.br',
  'gob.mx',
  'gob.es',
  'gov.it',
  'bund.de',
  'admin.ch',
  'govt.nz',
  'ac.nz',
  'gov.sg',
  'edu.sg',
  'gov.za',
  'ac.za',
  'europa.eu',
  'gov.cn',
  'edu.cn',
  'ac.kr',
  'go.kr',
];
