// Stand-in for office-addin-manifest under jest. office-addin-mock needs only its OfficeApp
// names; the real package pulls ESM-only dependencies that jest cannot load on Node 20.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
